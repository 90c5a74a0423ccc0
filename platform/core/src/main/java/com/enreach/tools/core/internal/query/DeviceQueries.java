package com.enreach.tools.core.internal.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.enreach.tools.api.ApiException;
import com.enreach.tools.api.Backup;
import com.enreach.tools.api.BackupQuery;
import com.enreach.tools.api.ConfigService;
import com.enreach.tools.api.ConfigVersion;
import com.enreach.tools.api.Device;
import com.enreach.tools.api.DeviceDetail;
import com.enreach.tools.api.DeviceQuery;
import com.enreach.tools.api.DeviceService;
import com.enreach.tools.api.DeviceStatus;
import com.enreach.tools.api.Page;
import com.enreach.tools.api.StorageService;
import com.enreach.tools.api.StorageVolume;
import com.enreach.tools.api.VolumeQuery;
import com.enreach.tools.core.internal.db.Database;
import com.enreach.tools.core.internal.query.Rows.DeviceRow;
import com.enreach.tools.core.internal.query.Rows.Filter;
import com.enreach.tools.core.internal.search.FtsSearch;
import com.enreach.tools.core.internal.search.SearchService;
import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;

/** Device, configuration, volume and backup reads over MyBatis. */
@Component(service = {DeviceService.class, ConfigService.class, StorageService.class})
public class DeviceQueries implements DeviceService, ConfigService, StorageService {
    private final Database db;
    private final QuerySessions reads;
    private final SearchService search;
    /**
     * Counts of lists by filter, with the commit count they were read at: paging through a list, or many clients
     * reading the same one, counts once per write instead of once per request (a count over 100k rows costs ms).
     */
    private final Map<String, long[]> counts = new ConcurrentHashMap<>();
    private static final int MAX_CACHED_COUNTS = 1_000;

    @Activate
    public DeviceQueries(@Reference Database db) {
        this(db, new FtsSearch());
    }

    public DeviceQueries(Database db, SearchService search) {
        this.db = db;
        this.reads = new QuerySessions(db);
        this.search = search;
    }

    @Override
    public Page<Device> find(DeviceQuery query) {
        Filter f = new Filter();
        f.sourceSystem = query.sourceSystem();
        f.sourceInstance = query.sourceInstance();
        f.type = query.type();
        f.status = query.status();
        f.limit = query.limit();
        f.offset = query.offset();
        if (query.q() != null && !query.q().isBlank()) {
            List<String> terms = search.ftsTerms(query.q(), db.dialect());
            if (terms.isEmpty()) {
                return new Page<>(0, f.limit, f.offset, List.of()); // only punctuation: nothing to look for
            }
            f.match = terms;
        }
        long generation = db.readGeneration(); // before the query: a commit meanwhile makes the cached count old at once
        String key = String.join("\u0000", String.valueOf(f.sourceSystem), String.valueOf(f.sourceInstance), String.valueOf(f.type),
                String.valueOf(f.status), String.valueOf(f.match));
        return reads.read(m -> {
            long[] cached = counts.get(key);
            long count;
            if (cached != null && cached[0] == generation) {
                count = cached[1];
            } else {
                boolean searchOnly = f.match != null && f.sourceSystem == null && f.sourceInstance == null && f.type == null && f.status == null;
                count = searchOnly ? m.countSearch(FtsSearch.all(db.dialect(), f.match)) : m.countDevices(f);
                if (counts.size() >= MAX_CACHED_COUNTS) {
                    counts.clear();
                }
                counts.put(key, new long[] {generation, count});
            }
            // A search matching thousands: walking the name index finds the first page after a few hundred rows,
            // where sorting every match would cost tens of milliseconds. Few matches: sorting them is cheaper.
            f.inNameOrder = f.match != null && count > NAME_ORDER_THRESHOLD;
            return new Page<>(count, f.limit, f.offset, m.findDevices(f).stream().map(Mapping::device).toList());
        });
    }

    /** Matches above which a search page is read in name order (see find). */
    public static final long NAME_ORDER_THRESHOLD = 2_000;

    /** A LIKE pattern for a free-text query, with the wildcards in the text escaped. */
    static String like(String q) {
        if (q == null || q.isBlank()) {
            return null;
        }
        return "%" + q.trim().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    @Override
    public Optional<DeviceDetail> get(long id) {
        return reads.read(m -> {
            DeviceRow row = m.deviceById(id);
            return row == null ? Optional.<DeviceDetail>empty() : Optional.of(detail(m, row));
        });
    }

    @Override
    public Optional<DeviceDetail> resolve(String idOrName) {
        if (idOrName.matches("\\d{1,18}")) {
            Optional<DeviceDetail> byId = get(Long.parseLong(idOrName));
            if (byId.isPresent()) {
                return byId;
            }
        }
        return reads.read(m -> {
            List<DeviceRow> rows = m.devicesByName(idOrName);
            return rows.isEmpty() ? Optional.<DeviceDetail>empty() : Optional.of(detail(m, rows.get(0)));
        });
    }

    @Override
    public Device quarantine(long id, boolean quarantined) {
        Device before = get(id).map(DeviceDetail::device).orElseThrow(() -> ApiException.notFound("Device", Long.toString(id)));
        if (!quarantined && !DeviceStatus.QUARANTINED.equals(before.status())) {
            throw new ApiException(ApiException.Reason.CONFLICT, "not_quarantined", null, "Device " + id + " is " + before.status()
                    + ", not quarantined", before);
        }
        db.write(c -> {
            try (java.sql.PreparedStatement ps = c.prepareStatement("UPDATE devices SET status = ?, updated_at = ? WHERE id = ?")) {
                ps.setString(1, quarantined ? DeviceStatus.QUARANTINED : DeviceStatus.ACTIVE);
                ps.setString(2, com.enreach.tools.core.internal.db.Times.format(com.enreach.tools.core.internal.db.Times.now()));
                ps.setLong(3, id);
                return ps.executeUpdate();
            }
        });
        return get(id).orElseThrow().device();
    }

    private static DeviceDetail detail(QueryMapper m, DeviceRow row) {
        List<DeviceRow> same = m.sameEntity(row.id);
        List<Long> ids = new ArrayList<>();
        ids.add(row.id);
        same.forEach(d -> ids.add(d.id));
        return new DeviceDetail(Mapping.device(row),
                m.relationships(row.id).stream().map(Mapping::relationship).toList(),
                same.stream().map(Mapping::device).toList(),
                m.interfaces(ids).stream().map(Mapping::iface).toList(),
                m.ipAddresses(ids).stream().map(Mapping::ip).toList(),
                m.facts(ids).stream().map(Mapping::facts).toList(),
                m.configVersions(List.of(row.id)).stream().map(Mapping::config).toList(),
                m.volumesOfDevices(ids).stream().map(Mapping::volume).toList(),
                m.backupsOfDevices(ids).stream().map(Mapping::backup).toList());
    }

    // ---------------------------------------------------------------- ConfigService

    @Override
    public List<ConfigVersion> versions(long deviceId) {
        return reads.read(m -> {
            if (m.deviceById(deviceId) == null) {
                throw ApiException.notFound("Device", Long.toString(deviceId));
            }
            return m.configVersions(List.of(deviceId)).stream().map(Mapping::config).toList();
        });
    }

    @Override
    public Optional<ConfigVersion> version(long deviceId, int version) {
        return reads.read(m -> Optional.ofNullable(m.configVersion(deviceId, version)).map(Mapping::config));
    }

    @Override
    public String diff(long deviceId, int from, int to) {
        ConfigVersion a = version(deviceId, from).orElseThrow(() -> ApiException.notFound("Configuration version", deviceId + "/" + from));
        ConfigVersion b = version(deviceId, to).orElseThrow(() -> ApiException.notFound("Configuration version", deviceId + "/" + to));
        List<String> left = a.text().lines().toList();
        List<String> right = b.text().lines().toList();
        List<String> diff = UnifiedDiffUtils.generateUnifiedDiff("version " + from, "version " + to, left, DiffUtils.diff(left, right), 3);
        return diff.isEmpty() ? "" : String.join("\n", diff) + "\n";
    }

    // ---------------------------------------------------------------- StorageService

    @Override
    public Page<StorageVolume> volumes(VolumeQuery query) {
        Filter f = new Filter();
        f.sourceSystem = query.sourceSystem();
        f.sourceInstance = query.sourceInstance();
        f.kind = query.kind();
        f.status = query.status();
        f.deviceId = query.arrayDeviceId();
        f.q = like(query.q());
        f.limit = query.limit();
        f.offset = query.offset();
        return reads.read(m -> new Page<>(m.countVolumes(f), f.limit, f.offset, m.findVolumes(f).stream().map(Mapping::volume).toList()));
    }

    @Override
    public Page<Backup> backups(BackupQuery query) {
        Filter f = new Filter();
        f.sourceSystem = query.sourceSystem();
        f.sourceInstance = query.sourceInstance();
        f.lastStatus = query.lastStatus();
        f.deviceId = query.deviceId();
        f.q = like(query.q());
        f.limit = query.limit();
        f.offset = query.offset();
        return reads.read(m -> new Page<>(m.countBackups(f), f.limit, f.offset, m.findBackups(f).stream().map(Mapping::backup).toList()));
    }
}
