package org.gmck.kit.steps.x86;

import io.cucumber.java.ParameterType;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import org.gmck.kit.Numbers;
import org.gmck.spi.x86.AccessKind;
import org.gmck.spi.x86.CpuFeature;
import org.gmck.spi.x86.EntryFlag;
import org.gmck.spi.x86.PageFault;
import org.gmck.spi.x86.PageSize;
import org.gmck.spi.x86.Privilege;
import org.gmck.spi.x86.X86Level;
import org.gmck.spi.x86.X86PagingMode;

/** How the x86 paging scenarios spell modes, levels, flags, accesses and error codes. */
public final class X86ParameterTypes {

    @ParameterType("0x[0-9a-fA-F_]+|\\d+")
    public long x86Number(String text) {
        return Numbers.parse(text);
    }

    @ParameterType("no|32-bit|PAE|4-level|5-level")
    public X86PagingMode x86Mode(String text) {
        return switch (text) {
            case "no" -> X86PagingMode.NONE;
            case "32-bit" -> X86PagingMode.BITS32;
            case "PAE" -> X86PagingMode.PAE;
            case "4-level" -> X86PagingMode.LEVEL4;
            default -> X86PagingMode.LEVEL5;
        };
    }

    @ParameterType("PML5E|PML4E|PDPTE|PDE|PTE")
    public X86Level x86Level(String text) {
        return levelOf(text);
    }

    static X86Level levelOf(String text) {
        return switch (text) {
            case "PML5E" -> X86Level.PML5;
            case "PML4E" -> X86Level.PML4;
            case "PDPTE" -> X86Level.PDPT;
            case "PDE" -> X86Level.PD;
            default -> X86Level.PT;
        };
    }

    @ParameterType("(?:PML5E|PML4E|PDPTE|PDE|PTE)(?:(?:, | and )(?:PML5E|PML4E|PDPTE|PDE|PTE))*")
    public List<X86Level> x86Levels(String text) {
        return Arrays.stream(text.split(", | and "))
                .map(X86ParameterTypes::levelOf)
                .toList();
    }

    @ParameterType("4 KB|2 MB|4 MB|1 GB")
    public PageSize x86PageSize(String text) {
        return switch (text) {
            case "4 KB" -> PageSize.SIZE_4K;
            case "2 MB" -> PageSize.SIZE_2M;
            case "4 MB" -> PageSize.SIZE_4M;
            default -> PageSize.SIZE_1G;
        };
    }

    /** Entry flags: {@code not present}, or words among P, RW, US, XD, A, D. */
    @ParameterType("not present|(?:P|RW|US|XD|A|D)(?: (?:P|RW|US|XD|A|D))*")
    public Long x86Flags(String text) {
        long bits = 0;
        if (text.equals("not present")) {
            return bits;
        }
        for (String word : text.split(" ")) {
            bits |= switch (word) {
                case "P" -> EntryFlag.PRESENT.mask();
                case "RW" -> EntryFlag.WRITABLE.mask();
                case "US" -> EntryFlag.USER.mask();
                case "A" -> EntryFlag.ACCESSED.mask();
                case "D" -> EntryFlag.DIRTY.mask();
                default -> EntryFlag.EXECUTE_DISABLE.mask();
            };
        }
        return bits;
    }

    @ParameterType("user|supervisor|implicit supervisor")
    public Privilege x86Privilege(String text) {
        return switch (text) {
            case "user" -> Privilege.USER;
            case "supervisor" -> Privilege.SUPERVISOR;
            default -> Privilege.IMPLICIT_SUPERVISOR;
        };
    }

    @ParameterType("read|write|fetch")
    public AccessKind x86Kind(String text) {
        return AccessKind.valueOf(text.toUpperCase());
    }

    /** An error code written as its bits joined by {@code |}, or {@code 0}. */
    @ParameterType("0|(?:P|W|U|RSVD|ID|PK)(?:\\|(?:P|W|U|RSVD|ID|PK))*")
    public Integer x86ErrorCode(String text) {
        int code = 0;
        if (text.equals("0")) {
            return code;
        }
        for (String bit : text.split("\\|")) {
            code |= switch (bit) {
                case "P" -> PageFault.P;
                case "W" -> PageFault.W;
                case "U" -> PageFault.U;
                case "RSVD" -> PageFault.RSVD;
                case "ID" -> PageFault.ID;
                default -> PageFault.PK;
            };
        }
        return code;
    }

    @ParameterType(
            "(?:PSE36|NX|PAGE_1GB|LA57|SMEP|SMAP|PKU|PKS)(?:(?:, | and )(?:PSE36|NX|PAGE_1GB|LA57|SMEP|SMAP|PKU|PKS))*")
    public EnumSet<CpuFeature> x86Features(String text) {
        EnumSet<CpuFeature> features = EnumSet.noneOf(CpuFeature.class);
        for (String word : text.split(", | and ")) {
            features.add(CpuFeature.valueOf(word));
        }
        return features;
    }

    /** Register bits such as {@code CR0.WP}, {@code CR4.SMEP and EFER.NXE}, {@code RFLAGS.AC}. */
    @ParameterType("(?:(?:CR0|CR4|EFER|RFLAGS)\\.[A-Z0-9]+)(?:(?:, | and )(?:CR0|CR4|EFER|RFLAGS)\\.[A-Z0-9]+)*")
    public RegisterBits x86Bits(String text) {
        return RegisterBits.parse(text);
    }
}
