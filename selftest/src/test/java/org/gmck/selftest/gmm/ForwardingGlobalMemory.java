package org.gmck.selftest.gmm;

import java.util.List;
import org.gmck.spi.gmm.Account;
import org.gmck.spi.gmm.AllocatedPage;
import org.gmck.spi.gmm.ChunkInfo;
import org.gmck.spi.gmm.CleanupReport;
import org.gmck.spi.gmm.GlobalMemory;
import org.gmck.spi.gmm.GmmGeometry;
import org.gmck.spi.gmm.GmmIntrospection;
import org.gmck.spi.gmm.GmmStatistics;
import org.gmck.spi.gmm.OcPolicy;
import org.gmck.spi.gmm.PageInfo;
import org.gmck.spi.gmm.Priority;
import org.gmck.spi.gmm.VmInfo;

/** Passes every call to another {@link GlobalMemory}; a fault overrides the one it breaks. */
public class ForwardingGlobalMemory implements GlobalMemory {

    protected final GlobalMemory real;

    public ForwardingGlobalMemory(GlobalMemory real) {
        this.real = real;
    }

    @Override
    public GmmGeometry geometry() {
        return real.geometry();
    }

    @Override
    public int createVm() {
        return real.createVm();
    }

    @Override
    public VmInfo vm(int vm) {
        return real.vm(vm);
    }

    @Override
    public void reserve(int vm, long base, long shadow, long fixed, OcPolicy policy, Priority priority) {
        real.reserve(vm, base, shadow, fixed, policy, priority);
    }

    @Override
    public void updateReservation(int vm, long base, long shadow, long fixed) {
        real.updateReservation(vm, base, shadow, fixed);
    }

    @Override
    public List<AllocatedPage> allocate(int vm, Account account, List<Long> guestPfns) {
        return real.allocate(vm, account, guestPfns);
    }

    @Override
    public void free(int vm, Account account, List<Long> pageIds) {
        real.free(vm, account, pageIds);
    }

    @Override
    public AllocatedPage share(int vm, long pageId) {
        return real.share(vm, pageId);
    }

    @Override
    public AllocatedPage useShared(int vm, long sharedPageId) {
        return real.useShared(vm, sharedPageId);
    }

    @Override
    public void releaseShared(int vm, long sharedPageId) {
        real.releaseShared(vm, sharedPageId);
    }

    @Override
    public long seedChunk(int vm) {
        return real.seedChunk(vm);
    }

    @Override
    public CleanupReport cleanup(int vm) {
        return real.cleanup(vm);
    }

    @Override
    public PageInfo page(long pageId) {
        return real.page(pageId);
    }

    @Override
    public ChunkInfo chunk(long chunkId) {
        return real.chunk(chunkId);
    }

    @Override
    public List<Long> chunkIds() {
        return real.chunkIds();
    }

    @Override
    public GmmStatistics statistics() {
        return real.statistics();
    }

    @Override
    public List<ChunkInfo> terminate() {
        return real.terminate();
    }

    @Override
    public GmmIntrospection introspection() {
        return real.introspection();
    }
}
