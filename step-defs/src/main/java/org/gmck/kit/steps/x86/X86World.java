package org.gmck.kit.steps.x86;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gmck.kit.x86walk.PathBuilder;
import org.gmck.kit.x86walk.WalkSpec;
import org.gmck.kit.x86walk.X86Defaults;
import org.gmck.spi.x86.Access;
import org.gmck.spi.x86.AccessOutcome;
import org.gmck.spi.x86.CpuModel;
import org.gmck.spi.x86.PageSize;
import org.gmck.spi.x86.X86Mmu;
import org.gmck.spi.x86.X86PagingMode;

/**
 * What the x86 paging steps of one scenario share: the CPU, the paging mode and register bits the scenario
 * states, the one mapping it lays out, the MMU under test once the first access or load has made it, and what
 * the first access answered and left in memory.
 */
public final class X86World {

    CpuModel cpu = X86Defaults.fullCpu(46);
    long tables = PathBuilder.TABLES;
    long ram = PathBuilder.RAM;
    X86PagingMode mode = X86PagingMode.NONE;
    long cr0;
    long cr4;
    long efer;
    long rflags;
    int pkru;
    int pkrs;
    PageSize leaf;
    long mappedAddress;
    Long frame;
    long[] flags;
    X86Mmu mmu;
    boolean loaded;
    WalkSpec layout;
    Access lastAccess;
    AccessOutcome firstOutcome;
    List<Long> memoryAfterFirst;
    final Map<Integer, Long> rawEntries = new HashMap<>();
}
