package com.enreach.tools.plugin.demo;

import java.time.Duration;
import java.time.Instant;

import com.enreach.tools.api.spi.ConfigRecord;
import com.enreach.tools.api.spi.DeviceRecord;
import com.enreach.tools.api.spi.DeviceTypes;
import com.enreach.tools.api.spi.IpAddressRecord;
import com.enreach.tools.api.spi.RecordSink;
import com.enreach.tools.api.spi.SourceException;

/**
 * The estate as Oxidized sees it, in the shapes of the oxidized plugin: every network device in its node list, keyed
 * "group/name" with the site as group, each with its running configuration — except the few whose backups have
 * never succeeded (wrong credentials on the device): listed with {@code last_status no_connection} and no config.
 */
final class OxidizedView implements View {
    private final Estate e;
    private final Instant now;

    OxidizedView(Estate estate, Instant now) {
        this.e = estate;
        this.now = now;
    }

    @Override
    public void emit(RecordSink sink, Progress progress) throws SourceException {
        long count = 0;
        sink.phase("nodes");
        for (int i = 0; i < e.switches; i++) {
            Estate.Switch sw = e.networkDevice(i);
            if (Estate.notInOxidized(i)) {
                sink.device(DeviceRecord.of(sw.site() + "/" + sw.name(), sw.name(), DeviceTypes.NETWORK_DEVICE).hostname(sw.name())
                        .put("ip", sw.mgmtIp()).put("model", model(sw.model())).put("group", sw.site()).put("last_status", "no_connection")
                        .putVolatile("last_attempt_time", now.minus(Duration.ofMinutes(i % 60)).toString())
                        .addIpAddress(new IpAddressRecord(sw.mgmtIp(), null, sw.name())));
                if (!progress.onRecord(++count)) {
                    return;
                }
                continue;
            }
            String id = sw.site() + "/" + sw.name();
            // the configuration changes only when the switch's firmware does (churn)
            Instant changed = Instant.EPOCH.plusSeconds(1_700_000_000L + Math.floorMod(sw.firmware().hashCode(), 1000) * 3600L);
            Instant lastEnd = now.minus(Duration.ofMinutes(i % 60));
            sink.device(DeviceRecord.of(id, sw.name(), DeviceTypes.NETWORK_DEVICE).hostname(sw.name())
                    .put("ip", sw.mgmtIp()).put("model", model(sw.model())).put("group", sw.site()).put("last_status", "success")
                    .putVolatile("last_attempt_time", lastEnd.toString()).putVolatile("last_backup_time", lastEnd.toString())
                    .put("config_changed_time", changed.toString())
                    .addIpAddress(new IpAddressRecord(sw.mgmtIp(), null, sw.name())));
            sink.config(new ConfigRecord(id, e.switchConfig(sw), changed));
            if (!progress.onRecord(++count)) {
                return;
            }
        }
    }

    /** Oxidized's model names (its driver per platform). */
    private static String model(String hardware) {
        return hardware.startsWith("Cisco") ? "nxos" : hardware.startsWith("Arista") ? "eos" : "junos";
    }
}
