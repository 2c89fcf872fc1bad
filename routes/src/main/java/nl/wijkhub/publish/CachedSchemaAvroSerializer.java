package nl.wijkhub.publish;

import io.apicurio.registry.resolver.DefaultSchemaResolver;
import io.apicurio.registry.resolver.SchemaLookupResult;
import io.apicurio.registry.resolver.SchemaParser;
import io.apicurio.registry.resolver.SchemaResolver;
import io.apicurio.registry.resolver.data.Record;
import io.apicurio.registry.resolver.strategy.ArtifactReference;
import io.apicurio.registry.resolver.strategy.ArtifactReferenceResolverStrategy;
import io.apicurio.registry.rest.client.RegistryClient;
import io.apicurio.registry.serde.avro.AvroKafkaSerializer;
import io.apicurio.registry.serde.data.KafkaSerdeMetadata;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericContainer;

/**
 * Apicurio's Avro serializer, resolving each (subject, schema) once. With auto-registration on, the stock resolver
 * turns the schema back into JSON and hashes it for every record: about 70 % of the ingest time in
 * {@code ./wijkhub bench}. Records of one topic share one generated schema instance, so its lookup result can be
 * kept; the wire format and the registry calls stay the library's own.
 */
public class CachedSchemaAvroSerializer extends AvroKafkaSerializer<Object> {

  public CachedSchemaAvroSerializer() {
    super(new CachingResolver(new DefaultSchemaResolver<>()));
  }

  private static final class CachingResolver implements SchemaResolver<Schema, Object> {

    private final SchemaResolver<Schema, Object> delegate;
    private final Map<String, Map<Schema, SchemaLookupResult<Schema>>> bySubject = new ConcurrentHashMap<>();

    CachingResolver(SchemaResolver<Schema, Object> delegate) {
      this.delegate = delegate;
    }

    @Override
    public SchemaLookupResult<Schema> resolveSchema(Record<Object> data) {
      KafkaSerdeMetadata metadata = (KafkaSerdeMetadata) data.metadata();
      String subject = metadata.getTopic() + (metadata.isKey() ? "-key" : "-value");
      Schema schema = ((GenericContainer) data.payload()).getSchema();
      return bySubject.computeIfAbsent(subject, s -> new ConcurrentHashMap<>())
          .computeIfAbsent(schema, s -> delegate.resolveSchema(data));
    }

    @Override
    public void configure(Map<String, ?> configs, SchemaParser<Schema, Object> parser) {
      delegate.configure(configs, parser);
    }

    @Override
    public void setClient(RegistryClient client) {
      delegate.setClient(client);
    }

    @Override
    public void setArtifactResolverStrategy(ArtifactReferenceResolverStrategy<Schema, Object> strategy) {
      delegate.setArtifactResolverStrategy(strategy);
    }

    @Override
    public SchemaParser<Schema, Object> getSchemaParser() {
      return delegate.getSchemaParser();
    }

    @Override
    public SchemaLookupResult<Schema> resolveSchemaByArtifactReference(ArtifactReference reference) {
      return delegate.resolveSchemaByArtifactReference(reference);
    }

    @Override
    public void reset() {
      bySubject.clear();
      delegate.reset();
    }

    @Override
    public void close() throws IOException {
      delegate.close();
    }
  }
}
