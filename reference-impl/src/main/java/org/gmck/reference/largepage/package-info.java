/**
 * A small KVM-flavoured shadow MMU with large pages, after seed 004: memory slots with one packed
 * write-protect counter per 2 MB frame (in either of the two encodings the seed discusses), reverse maps
 * for page-table and page-directory entries, the decision whether a 2 MB guest mapping may be shadowed by
 * one large entry, zapping of large entries when a page is write-protected, slot splitting for large-page
 * backing, and nested paging.
 *
 * <p>The domain API other shadow-paging code can call is {@link org.gmck.reference.largepage.KvmShadowMmu}:
 * {@link org.gmck.reference.largepage.KvmShadowMmu#mayShadowLarge(long)} answers "may this 2 MB guest
 * frame be shadowed large?" and {@link org.gmck.reference.largepage.KvmShadowMmu#writeProtect(long)}
 * write-protects a guest page, zapping every large mapping that covers it.
 */
package org.gmck.reference.largepage;
