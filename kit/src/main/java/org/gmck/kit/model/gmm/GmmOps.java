package org.gmck.kit.model.gmm;

import static org.quicktheories.generators.Generate.constant;
import static org.quicktheories.generators.Generate.frequency;
import static org.quicktheories.generators.Generate.range;

import java.util.List;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;

/**
 * The GMM operations a sequence is made of, weighted so that 25 to 40 of them reach the interesting states:
 * allocations and frees most often (with requests sized to the edges the session finds: a chunk's free pages,
 * the account's room, the host's room), sharing and references often enough for several references per page
 * and per VM, cleanups, new VMs and reservations now and then, bad input throughout, termination rarely.
 */
final class GmmOps {

    private GmmOps() {}

    static Gen<GmmOp> generator(GmmVariant variant) {
        Gen<Integer> choice = range(0, 99);
        return frequency(List.of(
                Pair.of(100, choice.zip(range(0, 99), choice, choice, choice, GmmOp.Allocate::new)),
                Pair.of(60, choice.zip(choice, choice, choice, GmmOp.Free::new)),
                Pair.of(variant.legacy() ? 6 : 44, choice.zip(choice, choice, GmmOp.Share::new)),
                Pair.of(variant.legacy() ? 3 : 40, choice.zip(choice, choice, GmmOp.Use::new)),
                Pair.of(variant.legacy() ? 3 : 30, choice.zip(choice, choice, GmmOp.Release::new)),
                Pair.of(variant.legacy() ? 48 : 4, choice.map(GmmOp.Seed::new)),
                Pair.of(16, choice.map(GmmOp.Cleanup::new)),
                Pair.of(12, constant(new GmmOp.Register())),
                Pair.of(14, choice.zip(choice, choice, choice, GmmOp.Reserve::new)),
                Pair.of(16, choice.zip(choice, choice, GmmOp.Update::new)),
                Pair.of(14, choice.zip(choice, GmmOp.LookUpPage::new)),
                Pair.of(10, choice.zip(choice, GmmOp.LookUpChunk::new)),
                Pair.of(6, choice.map(GmmOp.ReadVm::new)),
                Pair.of(1, constant(new GmmOp.Terminate()))));
    }
}
