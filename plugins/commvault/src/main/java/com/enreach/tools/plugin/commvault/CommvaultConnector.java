package com.enreach.tools.plugin.commvault;

import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.Designate;

import com.enreach.tools.api.spi.BackupRecord;
import com.enreach.tools.api.plugin.CheckResult;
import com.enreach.tools.api.plugin.ConfigFields;
import com.enreach.tools.api.spi.EntityKinds;
import com.enreach.tools.api.plugin.FieldError;
import com.enreach.tools.api.spi.PermanentSourceException;
import com.enreach.tools.api.spi.RecordSink;
import com.enreach.tools.api.spi.SourceConnector;
import com.enreach.tools.api.spi.SourceContext;
import com.enreach.tools.api.spi.SourceDescriptor;
import com.enreach.tools.api.spi.SourceException;
import com.enreach.tools.source.support.Checks;
import com.enreach.tools.source.support.HttpSettings;
import com.enreach.tools.source.support.SourceHttp;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * One Commvault CommCell ({@code etc/source.commvault-<name>.cfg}): a backup record per client with its recent
 * backup jobs, and one per virtual machine with its last backup.
 *
 * <p>No {@link SourceConnector#objectUrl object links}: Commvault documents no Command Center URL for a client or
 * a VM (its routes are internal to the single-page application), and the REST objects ({@code /Client/<id>}) need
 * the {@code Authtoken} header that a browser link cannot carry. The default (null) applies.
 */
@Component(service = SourceConnector.class, configurationPid = "source.commvault", configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = CommvaultConfig.class, factory = true)
public class CommvaultConnector implements SourceConnector {
    static final SourceDescriptor DESCRIPTOR = new SourceDescriptor("commvault", "Commvault",
            Set.of(EntityKinds.BACKUP),
            "Backup status of Commvault clients (recent backup jobs) and virtual machines");

    private final List<FieldError> errors;
    private final HttpSettings settings;
    private final String username;
    private final String password;
    private final String apiToken;
    private final int historyHours;
    private final boolean vms;

    @Activate
    public CommvaultConnector(Map<String, Object> properties) {
        ConfigFields f = new ConfigFields(properties);
        URI url = f.httpUrl("url");
        this.apiToken = f.secret("api.token", false);
        boolean tokenGiven = apiToken != null || properties.get("api.token.env") != null;
        // With an API token no login is made, so user name and password become optional.
        this.username = tokenGiven ? f.string("username", null) : f.required("username");
        this.password = f.secret("password", !tokenGiven);
        this.settings = HttpSettings.reader("invalid").pageSize(CommvaultConfig.PAGE_SIZE_DEFAULT, CommvaultConfig.PAGE_SIZE_MAX)
                .timeoutSeconds(CommvaultConfig.TIMEOUT_SECONDS_DEFAULT).read(f, url);
        this.historyHours = f.integer("history.hours", CommvaultConfig.HISTORY_HOURS_DEFAULT, 1, CommvaultConfig.HISTORY_HOURS_MAX);
        this.vms = f.bool("vms", CommvaultConfig.VMS_DEFAULT);
        Checks.coreKeys(f);
        this.errors = f.errors();
    }

    @Override
    public SourceDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public List<FieldError> validate() {
        return errors;
    }

    @Override
    public CheckResult checkConnection(SourceContext context) {
        return Checks.run(errors, () -> {
            CommvaultApi api = open(context);
            int clients = CommvaultMapper.clients(api.get("GET /Client", "/Client", Map.of())).size();
            return "Commvault at " + settings.url() + ": " + clients + " clients visible"
                    + (apiToken != null ? " (API token)" : " to user " + username);
        });
    }

    @Override
    public void fetch(SourceContext context, RecordSink sink) throws SourceException {
        CommvaultApi api = open(context);
        sink.phase("clients");
        List<CommvaultMapper.Client> clients = CommvaultMapper.clients(api.get("GET /Client", "/Client", Map.of()));
        int n = 0;
        for (CommvaultMapper.Client client : clients) {
            checkCancelled(context);
            sink.phase("backup jobs of client " + (++n) + "/" + clients.size());
            try {
                sink.backup(clientBackups(api, client));
            } catch (PermanentSourceException e) {
                if (!concernsOnlyThisClient(e)) {
                    throw e;
                }
                // the client still exists (GET /Client listed it): keep what is stored about it, do not let it go stale
                sink.notRefreshed(EntityKinds.BACKUP, client.sourceId(), "backup jobs of " + client.name()
                        + " could not be read: " + e.userMessage());
            }
        }
        if (vms) {
            vmBackups(context, api, sink);
        }
    }

    /**
     * Reads a client's backup jobs of the history window with GET /Job, paged by the limit/offset headers (also sent
     * as query parameters, which older web servers read instead), until a short or empty page, the reported total,
     * or a page that brings no new job (a server that ignores paging).
     */
    private BackupRecord clientBackups(CommvaultApi api, CommvaultMapper.Client client) throws SourceException {
        BackupRecord record = BackupRecord.of(client.sourceId(), client.name()).hostName(client.hostName());
        int pageSize = settings.pageSize();
        Set<String> seen = new HashSet<>();
        BackupRecord.Job newest = null;
        long offset = 0;
        Long total = null;
        for (int page = 1; ; page++) {
            String path = "/Job?clientId=" + SourceHttp.query(client.id()) + "&jobFilter=Backup&completedJobLookupTime="
                    + (historyHours * 3600L) + "&limit=" + pageSize + "&offset=" + offset;
            String part = "(client " + client.name() + ") " + page(page, total, pageSize);
            JsonNode answer = api.get("GET /Job " + part, path,
                    Map.of("limit", Integer.toString(pageSize), "offset", Long.toString(offset)), part);
            List<JsonNode> jobs = CommvaultMapper.list(answer, "jobs", "/Job");
            int added = 0;
            for (JsonNode j : jobs) {
                BackupRecord.Job job = CommvaultMapper.job(j);
                if (!seen.add(job.jobId())) {
                    continue;
                }
                added++;
                record.addJob(job);
                newest = CommvaultMapper.newer(newest, job);
                if (CommvaultMapper.successful(job.status()) && job.end() != null
                        && (record.lastSuccessAt() == null || job.end().isAfter(record.lastSuccessAt()))) {
                    record.lastSuccessAt(job.end());
                }
            }
            offset += jobs.size();
            total = CommvaultValues.number(answer, "totalRecordsWithoutPaging");
            if (jobs.size() < pageSize || added == 0 || (total != null && offset >= total)) {
                return record.lastJob(newest);
            }
        }
    }

    /**
     * Reads GET /VM page by page with the PagingInfo header ("page,size", first page 0) and emits each VM as it
     * arrives, until a short or empty page or the reported total. A page that repeats the previous one (a web
     * server that ignores PagingInfo) fails the run: stopping there would pass a truncated list as complete and
     * let the core mark the VMs never reached stale.
     */
    private void vmBackups(SourceContext context, CommvaultApi api, RecordSink sink) throws SourceException {
        int pageSize = settings.pageSize();
        String previousFirst = null;
        Long total = null;
        for (int page = 0; ; page++) {
            checkCancelled(context);
            String part = page(page + 1, total, pageSize);
            sink.phase("virtual machines " + part);
            JsonNode answer = api.get("GET /VM " + part, "/VM", Map.of("PagingInfo", page + "," + pageSize), part);
            List<JsonNode> entries = CommvaultMapper.list(answer, "vmStatusInfoList", "/VM");
            String first = entries.isEmpty() ? null : CommvaultValues.text(entries.get(0), "strGUID");
            if (first != null && first.equals(previousFirst)) {
                throw PermanentSourceException.malformed("Commvault GET /VM " + part, "it repeats page " + page
                        + " (same first VM " + first + "): the web server ignores the PagingInfo header, so the VM list"
                        + " cannot be read completely; the run stops rather than mark the VMs it did not reach stale", null);
            }
            previousFirst = first;
            for (JsonNode e : entries) {
                BackupRecord r = CommvaultMapper.vm(e);
                if (r == null) {
                    String name = CommvaultValues.text(e, "name");
                    sink.warn("vm:" + (name == null ? "?" : name), "VM status entry without strGUID skipped");
                } else {
                    sink.backup(r);
                }
            }
            total = CommvaultValues.number(answer, "totalRecords");
            if (entries.size() < pageSize || (total != null && (long) (page + 1) * pageSize >= total)) {
                return;
            }
        }
    }

    /** "page 3", or "page 3 of 20" once the server has said how many records there are. */
    private static String page(int page, Long total, int pageSize) {
        return total == null ? "page " + page : "page " + page + " of " + Math.max(page, (total + pageSize - 1) / pageSize);
    }

    private CommvaultApi open(SourceContext context) throws SourceException {
        Checks.requireValid("Commvault", errors);
        SourceHttp http = settings.builder("Commvault").build();
        CommvaultApi api = new CommvaultApi(http, context, username, password, apiToken);
        api.login();
        return api;
    }

    /** A refused request about one client (HTTP 4xx, an API error); credentials, transport and bad data fail the run. */
    private static boolean concernsOnlyThisClient(PermanentSourceException e) {
        return e.code().startsWith("http_") || e.code().equals("api_error") || e.code().equals("not_found");
    }

    private static void checkCancelled(SourceContext context) throws PermanentSourceException {
        Checks.notCancelled(context, "Commvault run cancelled before it completed");
    }
}
