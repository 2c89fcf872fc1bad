package nl.wijkhub.multiteam;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Plain Avro binary for what only the matcher itself reads: its state store, changelog and repartition topic. No
 * registry round trip on each state write; the schema is the generated class's, kept compatible by
 * SchemaEvolutionTest like every other.
 */
final class AvroBinarySerde<T extends SpecificRecordBase> implements Serde<T> {

  private final Schema schema;

  AvroBinarySerde(Class<T> type) {
    this.schema = SpecificData.get().getSchema(type);
  }

  @Override
  public Serializer<T> serializer() {
    SpecificDatumWriter<T> writer = new SpecificDatumWriter<>(schema);
    return (topic, value) -> {
      if (value == null) {
        return null;
      }
      try {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
        writer.write(value, encoder);
        encoder.flush();
        return out.toByteArray();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    };
  }

  @Override
  public Deserializer<T> deserializer() {
    SpecificDatumReader<T> reader = new SpecificDatumReader<>(schema);
    return (topic, bytes) -> {
      if (bytes == null) {
        return null;
      }
      try {
        BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(bytes, null);
        return reader.read(null, decoder);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    };
  }
}
