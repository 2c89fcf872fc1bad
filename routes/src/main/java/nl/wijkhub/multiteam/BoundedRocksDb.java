package nl.wijkhub.multiteam;

import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.WriteBufferManager;

/**
 * Puts every RocksDB store of the hub under one memory budget: a single block cache that also holds index and
 * filter blocks, and memtables charged to that same cache, so that off-heap memory does not grow with the number of
 * stores or partitions (the hub's RSS bound). Kafka Streams makes one instance per store; the cache is shared.
 */
public final class BoundedRocksDb implements RocksDBConfigSetter {

  /** Streams config key carrying {@link MatchSettings#blockCacheBytes()}. */
  static final String BLOCK_CACHE_BYTES = "wijkhub.rocksdb.block.cache.bytes";
  /** Streams config key carrying {@link MatchSettings#writeBufferBytes()}. */
  static final String WRITE_BUFFER_BYTES = "wijkhub.rocksdb.write.buffer.bytes";

  private static Cache cache;
  private static WriteBufferManager writeBuffers;

  /**
   * Puts the RocksDB stores of a Streams application under this budget. Every topology of the hub (the matcher, the
   * signal counts) passes the matcher's settings, so that the one shared cache has the same size whichever starts
   * first.
   */
  public static void budget(Properties props, MatchSettings settings) {
    props.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedRocksDb.class);
    props.put(BLOCK_CACHE_BYTES, settings.blockCacheBytes().toBytes());
    props.put(WRITE_BUFFER_BYTES, settings.writeBufferBytes().toBytes());
  }

  private static synchronized void share(long cacheBytes, long writeBufferBytes) {
    if (cache == null) {
      // Strict limit off: RocksDB would fail reads rather than exceed it; 10 % kept for index and filter blocks.
      cache = new LRUCache(cacheBytes, -1, false, 0.1);
      writeBuffers = new WriteBufferManager(writeBufferBytes, cache);
    }
  }

  @Override
  public void setConfig(String storeName, Options options, Map<String, Object> configs) {
    long writeBufferBytes = Long.parseLong(String.valueOf(configs.get(WRITE_BUFFER_BYTES)));
    share(Long.parseLong(String.valueOf(configs.get(BLOCK_CACHE_BYTES))), writeBufferBytes);
    BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
    table.setBlockCache(cache);
    table.setCacheIndexAndFilterBlocks(true);
    table.setCacheIndexAndFilterBlocksWithHighPriority(true);
    table.setPinTopLevelIndexAndFilter(true);
    options.setWriteBufferManager(writeBuffers);
    options.setWriteBufferSize(Math.max(1, writeBufferBytes / 2));
    options.setMaxWriteBufferNumber(2);
    options.setTableFormatConfig(table);
  }

  /** The shared cache and write-buffer manager outlive any one store; the process releases them. */
  @Override
  public void close(String storeName, Options options) {}
}
