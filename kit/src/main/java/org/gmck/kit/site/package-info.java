/**
 * The kit's documentation site: static HTML, CSS and JavaScript, opened from disk or any static host, made
 * from the rule catalogue, the features and any set of certification reports. Each class writes one kind of
 * page or picture; {@link org.gmck.kit.site.Site} puts them together.
 */
package org.gmck.kit.site;
