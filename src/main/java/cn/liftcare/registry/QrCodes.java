package cn.liftcare.registry;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import javax.imageio.ImageIO;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

import org.springframework.stereotype.Component;

/**
 * QR codes for the sticker in every car. Error correction level Q survives a scratched or dirty
 * sticker (up to a quarter of the symbol).
 */
@Component
public class QrCodes {

    private static final Map<EncodeHintType, Object> HINTS = Map.of(
            EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.Q,
            EncodeHintType.CHARACTER_SET, "UTF-8",
            EncodeHintType.MARGIN, 4);

    public String svg(String content) {
        BitMatrix matrix = encode(content);
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < matrix.getHeight(); y++) {
            for (int x = 0; x < matrix.getWidth(); x++) {
                if (matrix.get(x, y)) {
                    path.append('M').append(x).append(' ').append(y).append("h1v1h-1z");
                }
            }
        }
        return """
                <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %1$d %2$d" width="%3$d" height="%3$d" \
                shape-rendering="crispEdges"><rect width="100%%" height="100%%" fill="#fff"/>\
                <path fill="#000" d="%4$s"/></svg>"""
                .formatted(matrix.getWidth(), matrix.getHeight(), matrix.getWidth() * 8, path);
    }

    public byte[] png(String content, int pixelsPerModule) {
        BitMatrix matrix = encode(content);
        int scale = Math.max(1, Math.min(pixelsPerModule, 32));
        BufferedImage image = new BufferedImage(matrix.getWidth() * scale, matrix.getHeight() * scale,
                BufferedImage.TYPE_BYTE_BINARY);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                image.setRGB(x, y, matrix.get(x / scale, y / scale) ? 0xFF000000 : 0xFFFFFFFF);
            }
        }
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static BitMatrix encode(String content) {
        try {
            // size 0 asks for the natural size: one unit per module, plus the margin
            return new QRCodeWriter().encode(content, BarcodeFormat.QR_CODE, 0, 0, HINTS);
        }
        catch (WriterException e) {
            throw new IllegalArgumentException("cannot encode as QR: " + content, e);
        }
    }
}
