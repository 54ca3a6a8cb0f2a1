package org.gmck.reference.gmm;

import org.gmck.spi.common.RejectedException;
import org.gmck.spi.gmm.GmmPageFields;
import org.gmck.spi.gmm.GmmPageLayout;
import org.gmck.spi.gmm.GmmStatus;

/**
 * Encodes and decodes GMMPAGE words bit for bit in both layouts.
 *
 * <p>64-bit: see {@link GmmPage}. 32-bit: state in bits 30-31; a private page has its pfn in bits 0-23, its
 * VM handle in bits 24-30 and a zero bit 31, so state values 0 and 1 both mean private (bit 30 is the top
 * bit of the handle); a shared page has its reference count in bits 0-29; a free page its next index in
 * bits 0-15.
 */
public final class PageLayouts {

    private static final long PFN_MASK_32 = 0xFF_FFFFL;
    private static final int HANDLE_MAX_32 = 0x7F;
    private static final long REFS_MAX_32 = (1L << 30) - 1;

    private PageLayouts() {}

    public static long encode(GmmPageLayout layout, GmmPageFields fields) {
        return layout == GmmPageLayout.BITS64 ? encode64(fields) : encode32(fields);
    }

    public static GmmPageFields decode(GmmPageLayout layout, long word) {
        return layout == GmmPageLayout.BITS64 ? decode64(word) : decode32(word);
    }

    private static long encode64(GmmPageFields fields) {
        if (fields instanceof GmmPageFields.Private p) {
            expectState(p.state() == GmmPage.STATE_PRIVATE, p);
            fits(p.pfn(), GmmPage.MAX_32, "pfn");
            fits(p.vmHandle(), GmmPage.MAX_16, "VM handle");
            return GmmPage.privatePage(p.pfn(), p.vmHandle());
        }
        if (fields instanceof GmmPageFields.Shared s) {
            expectState(s.state() == GmmPage.STATE_SHARED, s);
            fits(s.pfn(), GmmPage.MAX_32, "pfn");
            fits(s.refs(), GmmPage.MAX_16, "reference count");
            return GmmPage.sharedPage(s.pfn(), s.refs());
        }
        GmmPageFields.Free f = (GmmPageFields.Free) fields;
        expectState(f.state() == GmmPage.STATE_FREE, f);
        fits(f.next(), GmmPage.MAX_16, "next index");
        return GmmPage.freePage(f.next(), f.zeroed());
    }

    private static GmmPageFields decode64(long word) {
        int state = GmmPage.state(word);
        if (state == GmmPage.STATE_FREE) {
            return new GmmPageFields.Free(state, GmmPage.next(word), GmmPage.zeroed(word));
        }
        if (state == GmmPage.STATE_SHARED) {
            return new GmmPageFields.Shared(state, GmmPage.pfn(word), GmmPage.refs(word));
        }
        return new GmmPageFields.Private(state, GmmPage.pfn(word), GmmPage.vmHandle(word));
    }

    private static long encode32(GmmPageFields fields) {
        if (fields instanceof GmmPageFields.Private p) {
            fits(p.pfn(), PFN_MASK_32, "pfn");
            fits(p.vmHandle(), HANDLE_MAX_32, "VM handle");
            expectState(p.state() == p.vmHandle() >> 6, p);
            return p.pfn() | ((long) p.vmHandle() << 24);
        }
        if (fields instanceof GmmPageFields.Shared s) {
            expectState(s.state() == GmmPage.STATE_SHARED, s);
            fits(s.pfn(), 0, "pfn (the 32-bit shared view has none)");
            fits(s.refs(), REFS_MAX_32, "reference count");
            return s.refs() | ((long) GmmPage.STATE_SHARED << 30);
        }
        GmmPageFields.Free f = (GmmPageFields.Free) fields;
        expectState(f.state() == GmmPage.STATE_FREE && !f.zeroed(), f);
        fits(f.next(), GmmPage.MAX_16, "next index");
        return f.next() | ((long) GmmPage.STATE_FREE << 30);
    }

    private static GmmPageFields decode32(long word) {
        fits(word, GmmPage.MAX_32, "32-bit word");
        int state = (int) (word >>> 30);
        if (state == GmmPage.STATE_FREE) {
            return new GmmPageFields.Free(state, (int) (word & GmmPage.MAX_16), false);
        }
        if (state == GmmPage.STATE_SHARED) {
            return new GmmPageFields.Shared(state, 0, word & REFS_MAX_32);
        }
        return new GmmPageFields.Private(state, word & PFN_MASK_32, (int) (word >>> 24));
    }

    private static void fits(long value, long max, String field) {
        if (value < 0 || value > max) {
            throw new RejectedException(
                    GmmStatus.VERR_OUT_OF_RANGE, field + " " + value + " does not fit (max " + max + ")");
        }
    }

    private static void expectState(boolean consistent, GmmPageFields fields) {
        if (!consistent) {
            throw new RejectedException(
                    GmmStatus.VERR_INVALID_PARAMETER, "state " + fields.state() + " does not belong to " + fields);
        }
    }
}
