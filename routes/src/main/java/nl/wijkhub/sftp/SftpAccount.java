package nl.wijkhub.sftp;

import nl.wijkhub.reference.SftpLocation;

/** A partner's SFTP location with its credential resolved: a password, a private key, or both. */
record SftpAccount(String partnerId, SftpLocation location, String password, byte[] privateKey) {}
