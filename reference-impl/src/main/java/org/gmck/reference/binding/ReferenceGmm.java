package org.gmck.reference.binding;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.gmck.reference.gmm.GlobalMemoryManager;
import org.gmck.reference.gmm.PageLayouts;
import org.gmck.spi.gmm.Account;
import org.gmck.spi.gmm.AllocatedPage;
import org.gmck.spi.gmm.ChunkInfo;
import org.gmck.spi.gmm.CleanupReport;
import org.gmck.spi.gmm.GlobalMemory;
import org.gmck.spi.gmm.GmmEdition;
import org.gmck.spi.gmm.GmmFactory;
import org.gmck.spi.gmm.GmmGeometry;
import org.gmck.spi.gmm.GmmIntrospection;
import org.gmck.spi.gmm.GmmOptions;
import org.gmck.spi.gmm.GmmPageFields;
import org.gmck.spi.gmm.GmmPageLayout;
import org.gmck.spi.gmm.GmmStatistics;
import org.gmck.spi.gmm.OcPolicy;
import org.gmck.spi.gmm.PageInfo;
import org.gmck.spi.gmm.Priority;
import org.gmck.spi.gmm.VmInfo;

/** Binds the reference {@link GlobalMemoryManager} to the GMM SPI, both editions, with introspection. */
final class ReferenceGmm implements GmmFactory {

    @Override
    public Set<GmmEdition> editions() {
        return EnumSet.allOf(GmmEdition.class);
    }

    @Override
    public GlobalMemory create(GmmEdition edition, GmmOptions options) {
        return new Instance(
                new GlobalMemoryManager(edition, options.hostPages(), options.legacyMode(), options.nonContiguous()));
    }

    private static final class Instance implements GlobalMemory, GmmIntrospection {
        private final GlobalMemoryManager gmm;

        Instance(GlobalMemoryManager gmm) {
            this.gmm = gmm;
        }

        @Override
        public GmmGeometry geometry() {
            return gmm.geometry().describe();
        }

        @Override
        public int createVm() {
            return gmm.createVm();
        }

        @Override
        public VmInfo vm(int vm) {
            return gmm.vm(vm);
        }

        @Override
        public void reserve(int vm, long base, long shadow, long fixed, OcPolicy policy, Priority priority) {
            gmm.reserve(vm, base, shadow, fixed, policy, priority);
        }

        @Override
        public void updateReservation(int vm, long base, long shadow, long fixed) {
            gmm.updateReservation(vm, base, shadow, fixed);
        }

        @Override
        public List<AllocatedPage> allocate(int vm, Account account, List<Long> guestPfns) {
            return gmm.allocate(vm, account, guestPfns);
        }

        @Override
        public void free(int vm, Account account, List<Long> pageIds) {
            gmm.free(vm, account, pageIds);
        }

        @Override
        public AllocatedPage share(int vm, long pageId) {
            return gmm.share(vm, pageId);
        }

        @Override
        public AllocatedPage useShared(int vm, long sharedPageId) {
            return gmm.useShared(vm, sharedPageId);
        }

        @Override
        public void releaseShared(int vm, long sharedPageId) {
            gmm.releaseShared(vm, sharedPageId);
        }

        @Override
        public long seedChunk(int vm) {
            return gmm.seedChunk(vm);
        }

        @Override
        public CleanupReport cleanup(int vm) {
            return gmm.cleanup(vm);
        }

        @Override
        public PageInfo page(long pageId) {
            return gmm.page(pageId);
        }

        @Override
        public ChunkInfo chunk(long chunkId) {
            return gmm.chunk(chunkId);
        }

        @Override
        public List<Long> chunkIds() {
            return gmm.chunkIds();
        }

        @Override
        public GmmStatistics statistics() {
            return gmm.statistics();
        }

        @Override
        public List<ChunkInfo> terminate() {
            return gmm.terminate();
        }

        @Override
        public GmmIntrospection introspection() {
            return this;
        }

        @Override
        public long rawPage(long pageId) {
            return gmm.rawPage(pageId);
        }

        @Override
        public long encode(GmmPageLayout layout, GmmPageFields fields) {
            return PageLayouts.encode(layout, fields);
        }

        @Override
        public GmmPageFields decode(GmmPageLayout layout, long word) {
            return PageLayouts.decode(layout, word);
        }

        @Override
        public List<Integer> freeLifo(long chunkId) {
            return gmm.freeLifo(chunkId);
        }

        @Override
        public List<List<Long>> freeSet(FreeSetKind kind) {
            return gmm.freeSet(kind == FreeSetKind.SHARED);
        }

        @Override
        public long freeSetPages(FreeSetKind kind) {
            return gmm.freeSetPages(kind == FreeSetKind.SHARED);
        }

        @Override
        public List<Long> chunkTlb() {
            return gmm.chunkTlb();
        }

        @Override
        public long magic() {
            return gmm.magic();
        }

        @Override
        public void corruptChunkStatistics(long chunkId, int free, int privatePages, int sharedPages) {
            gmm.corruptChunkStatistics(chunkId, free, privatePages, sharedPages);
        }
    }
}
