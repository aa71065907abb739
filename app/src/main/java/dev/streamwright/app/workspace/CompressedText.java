package dev.streamwright.app.workspace;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipException;

/**
 * Pipeline JSON as stored: UTF-8, deflated in zlib format. Pipeline files are repetitive (keys,
 * indentation) and shrink several times, which keeps the store, its backups and its start-up scan
 * small; Eclipse Store would otherwise keep a String as two bytes per character. The zlib checksum
 * also catches a damaged version, which the store itself would not notice.
 */
final class CompressedText {

  private CompressedText() {}

  static byte[] compress(String text) {
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream out = new ByteArrayOutputStream(utf8.length / 4 + 64);
    Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION);
    try (DeflaterOutputStream z = new DeflaterOutputStream(out, deflater)) {
      z.write(utf8);
    } catch (IOException e) {
      throw new IllegalStateException("deflating into memory cannot fail", e);
    } finally {
      deflater.end();
    }
    return out.toByteArray();
  }

  /**
   * The text back.
   *
   * @throws DataFormatException when the bytes are damaged
   */
  static String decompress(byte[] stored) throws DataFormatException {
    try (InflaterInputStream in = new InflaterInputStream(new ByteArrayInputStream(stored))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (ZipException e) {
      DataFormatException damaged = new DataFormatException(e.getMessage());
      damaged.initCause(e);
      throw damaged;
    } catch (IOException e) {
      // ByteArrayInputStream raises nothing else; a truncated stream ends up here (EOFException).
      DataFormatException damaged = new DataFormatException("the text ends early");
      damaged.initCause(e);
      throw damaged;
    }
  }
}
