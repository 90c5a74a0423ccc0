package com.enreach.tools.plugin.demo;

import com.enreach.tools.api.spi.DeviceRecord;
import com.enreach.tools.api.spi.DeviceTypes;
import com.enreach.tools.api.spi.IdentityKeys;
import com.enreach.tools.api.spi.RecordSink;
import com.enreach.tools.api.spi.SourceException;
import com.enreach.tools.api.spi.StorageVolumeRecord;

/**
 * The estate as its storage systems see themselves (Dorado- and ONTAP-like): the arrays with serial, vendor and
 * model, and their volumes (LUNs on the Dorado arrays, volumes on the NetApp ones).
 */
final class StorageView implements View {
    static final int VOLUMES_PER_ARRAY = 8;
    private final Estate e;

    StorageView(Estate estate) {
        this.e = estate;
    }

    /** A volume's name: LUNs on the Dorado arrays, volumes on the NetApp ones (the knowledge base names them too). */
    static String volumeName(boolean huawei, int v) {
        return (huawei ? "lun_" : "vol_") + Estate.ROLES[v % Estate.ROLES.length] + "_" + Estate.pad(v, 2);
    }

    @Override
    public void emit(RecordSink sink, Progress progress) throws SourceException {
        long count = 0;
        sink.phase("arrays");
        for (int i = 0; i < e.arrays; i++) {
            Estate.Array a = e.array(i);
            String id = "array-" + a.serial();
            boolean huawei = a.vendor().equals("Huawei");
            int churn = e.churned(i) ? (int) (e.generation() % 7) : 0; // a churned array's volumes fill up
            sink.device(DeviceRecord.of(id, a.name(), DeviceTypes.STORAGE)
                    .put("site", a.site()).put("vendor", a.vendor()).put("model", a.model())
                    .put(IdentityKeys.SERIAL, a.serial()).put("capacity_tb", a.capacityTb()).put("health", "normal"));
            for (int v = 0; v < VOLUMES_PER_ARRAY; v++) {
                long capacity = (long) (1 + (i + v) % 16) << 40;
                String name = volumeName(huawei, v);
                sink.volume(StorageVolumeRecord.of(id + "/" + v, id, name, huawei ? StorageVolumeRecord.LUN : StorageVolumeRecord.VOLUME)
                        .pool(huawei ? "StoragePool001" : "aggr1_" + a.site(), null)
                        .capacity(capacity, capacity, capacity / 100 * (20 + (i * 7 + v * 13 + churn) % 75))
                        .thin(true).status("normal", "online"));
            }
            if (!progress.onRecord(++count)) {
                return;
            }
        }
    }
}
