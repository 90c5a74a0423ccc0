package com.enreach.tools.core.internal.query;

import java.util.List;

import org.apache.ibatis.annotations.Param;

import com.enreach.tools.core.internal.query.Rows.BackupRow;
import com.enreach.tools.core.internal.query.Rows.ConfigRow;
import com.enreach.tools.core.internal.query.Rows.CountRow;
import com.enreach.tools.core.internal.query.Rows.DeviceRow;
import com.enreach.tools.core.internal.query.Rows.FactsRow;
import com.enreach.tools.core.internal.query.Rows.Filter;
import com.enreach.tools.core.internal.query.Rows.InterfaceRow;
import com.enreach.tools.core.internal.query.Rows.IpRow;
import com.enreach.tools.core.internal.query.Rows.MetadataRow;
import com.enreach.tools.core.internal.query.Rows.RelationshipRow;
import com.enreach.tools.core.internal.query.Rows.RunRow;
import com.enreach.tools.core.internal.query.Rows.VolumeRow;

/** Read queries of the master database; SQL in QueryMapper.xml beside this interface. */
public interface QueryMapper {

    List<DeviceRow> findDevices(Filter filter);

    long countDevices(Filter filter);

    long countSearch(@Param("match") String match);

    DeviceRow deviceById(long id);

    List<DeviceRow> devicesByName(String name);

    /** The other observations of the device's entity (identity resolution's links). */
    List<DeviceRow> sameEntity(@Param("id") long id);

    List<DeviceRow> devicesByIds(@Param("ids") List<Long> deviceIds);

    List<RelationshipRow> relationships(long deviceId);

    List<InterfaceRow> interfaces(@Param("ids") List<Long> deviceIds);

    List<IpRow> ipAddresses(@Param("ids") List<Long> deviceIds);

    List<FactsRow> facts(@Param("ids") List<Long> deviceIds);

    List<ConfigRow> configVersions(@Param("ids") List<Long> deviceIds);

    ConfigRow configVersion(@Param("deviceId") long deviceId, @Param("version") int version);

    List<VolumeRow> findVolumes(Filter filter);

    long countVolumes(Filter filter);

    List<VolumeRow> volumesOfDevices(@Param("ids") List<Long> deviceIds);

    List<BackupRow> findBackups(Filter filter);

    long countBackups(Filter filter);

    List<BackupRow> backupsOfDevices(@Param("ids") List<Long> deviceIds);

    List<RunRow> runs(@Param("instance") String instance, @Param("status") String status, @Param("from") String startedFrom,
                      @Param("before") String startedBefore, @Param("limit") int limit, @Param("offset") int offset);

    long countRuns(@Param("instance") String instance, @Param("status") String status, @Param("from") String startedFrom,
                   @Param("before") String startedBefore);

    RunRow runById(long id);

    List<MetadataRow> syncMetadata();

    List<CountRow> deviceCounts();
}
