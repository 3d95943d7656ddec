package cn.liftcare.shared;

import java.util.Optional;

/** Recognises JPEG, PNG and WebP images by their first bytes, never by what a client claims. */
public final class Images {

    public static final int MAX_BYTES = 5 * 1024 * 1024;

    private Images() {
    }

    public static Optional<String> contentType(byte[] b) {
        if (b.length > 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF) {
            return Optional.of("image/jpeg");
        }
        if (b.length > 8 && (b[0] & 0xFF) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
            return Optional.of("image/png");
        }
        if (b.length > 12 && b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F' && b[8] == 'W' && b[9] == 'E'
                && b[10] == 'B' && b[11] == 'P') {
            return Optional.of("image/webp");
        }
        return Optional.empty();
    }

    /** The image's content type, or a violation on the field: empty, over 5 MB, or not an image. */
    public static String check(String field, byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw new ValidationFailedException(Violation.of(field, "photo.empty"));
        }
        if (bytes.length > MAX_BYTES) {
            throw new ValidationFailedException(Violation.of(field, "photo.tooLarge", MAX_BYTES / 1024 / 1024));
        }
        return contentType(bytes).orElseThrow(() -> new ValidationFailedException(Violation.of(field, "photo.notImage")));
    }

    /** An image as stored: its checked content type and its bytes. */
    public record Stored(String contentType, byte[] bytes) {
    }
}
