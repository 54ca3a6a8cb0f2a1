package org.gmck.kit.model;

import java.util.List;
import org.gmck.kit.model.gmm.GmmModelSpec;
import org.gmck.kit.model.largepage.LargePagesModel;
import org.gmck.kit.model.monitor.MonitorModelSpec;
import org.gmck.kit.model.pgm.GuestMemorySpec;
import org.gmck.kit.model.pgm.TrackingCostSpec;
import org.gmck.kit.model.shadow.ShadowSpec;

/** Every model the kit plays in certification, one per profile with state. */
public final class ModelSpecs {

    private ModelSpecs() {}

    /** The models, in a fixed order. */
    public static List<ModelSpec<?>> all() {
        return List.of(
                new GmmModelSpec(),
                new GuestMemorySpec(),
                new TrackingCostSpec(),
                new ShadowSpec(),
                new MonitorModelSpec(),
                new LargePagesModel());
    }
}
