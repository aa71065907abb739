package dev.streamwright.app.environments;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Set;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Encrypts and decrypts stored secrets with AES-256-GCM (the JDK's javax.crypto) under a key kept
 * in one file in the user's data folder, outside every workspace (decision 0019). The key file is
 * created on the first secret stored, readable by its owner only (POSIX mode 0600 in a 0700
 * folder); a key file others can read is refused. Each secret is bound to its environment, field
 * and key, so a ciphertext copied to another field does not decrypt.
 *
 * <p>Sealed text: {@code v1.<key id>.<base64url(nonce, ciphertext and tag)>}, where the key id is
 * the first 8 hex digits of the key's SHA-256, so a secret stored under another key is named as
 * such instead of failing obscurely.
 */
public final class SecretBox {

  private static final Logger LOG = LoggerFactory.getLogger(SecretBox.class);

  private static final String HEADER = "streamwright secret key v1";
  private static final String VERSION = "v1";
  private static final int KEY_BYTES = 32;
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rw-------");
  private static final Set<PosixFilePermission> OWNER_ONLY_FOLDER =
      PosixFilePermissions.fromString("rwx------");

  private final Path keyFile;
  private final SecureRandom random = new SecureRandom();
  private byte[] key;
  private String keyId;

  private SecretBox(Path keyFile) {
    this.keyFile = keyFile.toAbsolutePath().normalize();
  }

  /** A box using the key in this file; nothing is read or created until a secret is used. */
  public static SecretBox at(Path keyFile) {
    return new SecretBox(keyFile);
  }

  /** The key file in a data folder: {@code <data>/keys/secrets.key}. */
  public static Path keyFileIn(Path dataFolder) {
    return dataFolder.resolve("keys").resolve("secrets.key");
  }

  /** The key file. */
  public Path keyFile() {
    return keyFile;
  }

  /**
   * Encrypts a secret for one field of one environment, creating the key file on first use.
   *
   * @throws EnvironmentException when the key file cannot be created or read
   */
  public synchronized ConfigValue.Stored seal(
      String environment, SecretField field, String key, String secret) {
    loadOrCreate();
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    try {
      Cipher c = cipher(Cipher.ENCRYPT_MODE, nonce, environment, field, key);
      byte[] sealed = c.doFinal(secret.getBytes(StandardCharsets.UTF_8));
      byte[] all = ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
      return new ConfigValue.Stored(
          VERSION
              + "."
              + keyId
              + "."
              + Base64.getUrlEncoder().withoutPadding().encodeToString(all));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is part of every Java 17 runtime", e);
    }
  }

  /**
   * Decrypts a stored secret of one field of one environment.
   *
   * @throws EnvironmentException when the key is missing or another one, or the secret is damaged;
   *     the message says which and how to enter the secret again
   */
  public synchronized String open(
      String environment, SecretField field, String key, ConfigValue.Stored stored) {
    String what = field.label() + " '" + key + "' of environment '" + environment + "'";
    String again =
        " Enter it again: streamwright env add "
            + environment
            + " --replace ... "
            + field.secretOption()
            + " "
            + key
            + ".";
    String[] parts = stored.sealed().split("\\.", 3);
    if (parts.length != 3 || !parts[0].equals(VERSION)) {
      throw new EnvironmentException("The stored secret of " + what + " is damaged." + again);
    }
    if (!Files.exists(keyFile)) {
      throw new EnvironmentException(
          "The stored secret of "
              + what
              + " cannot be decrypted: the key file "
              + keyFile
              + " is missing (the workspace comes from another machine or user, or the key was"
              + " deleted)."
              + again);
    }
    loadOrCreate();
    if (!parts[1].equals(keyId)) {
      throw new EnvironmentException(
          "The stored secret of "
              + what
              + " was encrypted with another key (id "
              + parts[1]
              + ") than the one in "
              + keyFile
              + " (id "
              + keyId
              + "): the workspace comes from another machine or user, or the key file was"
              + " replaced."
              + again);
    }
    try {
      byte[] all = Base64.getUrlDecoder().decode(parts[2]);
      if (all.length <= NONCE_BYTES) {
        throw new EnvironmentException("The stored secret of " + what + " is damaged." + again);
      }
      byte[] nonce = Arrays.copyOf(all, NONCE_BYTES);
      Cipher c = cipher(Cipher.DECRYPT_MODE, nonce, environment, field, key);
      byte[] plain = c.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES);
      return new String(plain, StandardCharsets.UTF_8);
    } catch (AEADBadTagException | IllegalArgumentException e) {
      throw new EnvironmentException(
          "The stored secret of " + what + " is damaged or belongs to another field." + again, e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is part of every Java 17 runtime", e);
    }
  }

  private Cipher cipher(int mode, byte[] nonce, String environment, SecretField field, String key)
      throws GeneralSecurityException {
    Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
    c.init(mode, new SecretKeySpec(this.key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
    c.updateAAD(
        ("streamwright/" + environment + "/" + field.name() + "/" + key)
            .getBytes(StandardCharsets.UTF_8));
    return c;
  }

  private void loadOrCreate() {
    if (key != null) {
      return;
    }
    try {
      if (!Files.exists(keyFile)) {
        create();
      }
      checkOwnerOnly();
      key = parse(Files.readAllLines(keyFile, StandardCharsets.US_ASCII));
      keyId = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key), 0, 4);
    } catch (IOException e) {
      throw new EnvironmentException(
          "Cannot use the secret key file "
              + keyFile
              + " ("
              + e.getMessage()
              + "); make its folder writable, or point STREAMWRIGHT_HOME at a data folder that"
              + " is.",
          e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  private byte[] parse(java.util.List<String> lines) {
    byte[] k = null;
    if (lines.size() >= 2 && lines.get(0).equals(HEADER)) {
      try {
        k = Base64.getDecoder().decode(lines.get(1).strip());
      } catch (IllegalArgumentException e) {
        k = null;
      }
    }
    if (k == null || k.length != KEY_BYTES) {
      throw new EnvironmentException(
          "The secret key file "
              + keyFile
              + " is not a Streamwright key. Restore it from your backup; if it is lost, delete it"
              + " and enter every stored secret again (streamwright env add NAME --replace ...).");
    }
    return k;
  }

  /**
   * Writes a new key into a private temp file, then links it into place, so the key file appears
   * complete or not at all, and of two processes creating it at once one key wins for both.
   */
  private void create() throws IOException {
    Path folder = keyFile.getParent();
    boolean posix = Files.getFileStore(existingAncestor(folder)).supportsFileAttributeView("posix");
    if (posix) {
      Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(OWNER_ONLY_FOLDER));
    } else {
      Files.createDirectories(folder);
    }
    byte[] fresh = new byte[KEY_BYTES];
    random.nextBytes(fresh);
    String text = HEADER + "\n" + Base64.getEncoder().encodeToString(fresh) + "\n";
    Path temp =
        posix
            ? Files.createTempFile(
                folder, ".secrets-", ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY))
            : Files.createTempFile(folder, ".secrets-", ".tmp");
    try {
      Files.writeString(temp, text, StandardCharsets.US_ASCII);
      try {
        Files.createLink(keyFile, temp);
      } catch (FileAlreadyExistsException e) {
        return; // another process made it first: use theirs
      } catch (UnsupportedOperationException | IOException e) {
        if (Files.exists(keyFile)) {
          return;
        }
        Files.move(temp, keyFile); // no hard links here: a move, which fails if it now exists
      }
      if (!posix) {
        LOG.warn(
            "The file system of {} has no POSIX permissions: the secret key file is protected only"
                + " by the folder's own access rules (on Windows, %LOCALAPPDATA% is private to"
                + " the user)",
            keyFile);
      }
      LOG.info("Created the secret key file {}", keyFile);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  private void checkOwnerOnly() throws IOException {
    if (!Files.getFileStore(keyFile).supportsFileAttributeView("posix")) {
      return;
    }
    Set<PosixFilePermission> mode = Files.getPosixFilePermissions(keyFile);
    if (!OWNER_ONLY.containsAll(mode)) {
      throw new EnvironmentException(
          "The secret key file "
              + keyFile
              + " can be read by other users (mode "
              + PosixFilePermissions.toString(mode)
              + "), and with it every stored secret. Make it private: chmod 600 "
              + keyFile
              + " (and if others may have read it, change the secrets you stored and enter them"
              + " again).");
    }
  }

  private static Path existingAncestor(Path p) {
    Path q = p;
    while (q != null && !Files.exists(q)) {
      q = q.getParent();
    }
    return q == null ? p.getRoot() : q;
  }
}
