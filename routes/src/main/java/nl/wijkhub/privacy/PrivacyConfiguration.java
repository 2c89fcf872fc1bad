package nl.wijkhub.privacy;

import com.google.crypto.tink.Aead;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The key material stays inside this package; the beans are the operations others may call. */
@Configuration(proxyBeanMethods = false)
class PrivacyConfiguration {

  /** Read at start-up, so a missing or wrong master key stops the hub before it accepts a signal. */
  @Bean
  KeyFiles keyFiles(PrivacySettings settings) {
    Aead master = MasterKey.load(settings);
    return new KeyFiles(settings.keyDirectory(), master);
  }

  @Bean
  DataKeys dataKeys(KeyFiles keys) {
    return new DataKeys(keys, Clock.systemUTC());
  }

  @Bean
  RecipientKeys recipientKeys(KeyFiles keys) {
    return new RecipientKeys(keys);
  }

  @Bean
  Pseudonyms pseudonyms(KeyFiles keys) {
    return new Pseudonyms(keys, Clock.systemUTC());
  }

  @Bean
  RecipientCipher recipientCipher(DataKeys dataKeys, RecipientKeys recipientKeys) {
    return new RecipientCipher(dataKeys, recipientKeys);
  }

  @Bean
  RecipientDecryption recipientDecryption(DataKeys dataKeys, RecipientKeys recipientKeys) {
    return new RecipientDecryption(dataKeys, recipientKeys);
  }

  @Bean
  KeyBackup keyBackup(KeyFiles keys) {
    return new KeyBackup(keys, Clock.systemUTC());
  }
}
