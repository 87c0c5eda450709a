package org.lethe.auditor.report;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes text, tables and images down A4 pages, starting a new page when one is full. The standard fonts
 * carry WinAnsi only, so other characters are spelled out or replaced.
 */
final class PdfPages implements AutoCloseable {

    private static final float MARGIN = 50;
    private static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;

    private final PDDocument document;
    private final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    private final PDType1Font mono = new PDType1Font(Standard14Fonts.FontName.COURIER);
    private PDPageContentStream content;
    private float y;

    PdfPages(PDDocument document) {
        this.document = document;
        newPage();
    }

    void title(String text) {
        line(bold, 16, text, 24);
    }

    void heading(String text) {
        space(8);
        line(bold, 12, text, 18);
    }

    /** A paragraph, wrapped to the page width. */
    void paragraph(String text) {
        for (String line : wrap(clean(text), regular, 9.5f, WIDTH)) {
            line(regular, 9.5f, line, 13);
        }
    }

    /** Fixed-width text, wrapped: hashes and transactions. */
    void code(String text) {
        for (String line : wrap(clean(text), mono, 8, WIDTH)) {
            line(mono, 8, line, 11);
        }
    }

    /** One table row: cells at the given x offsets, in a small font. */
    void row(float[] columns, List<String> cells, boolean header) {
        ensure(11);
        try {
            for (int i = 0; i < cells.size(); i++) {
                content.beginText();
                content.setFont(header ? bold : regular, 7.5f);
                content.newLineAtOffset(MARGIN + columns[i], y);
                content.showText(clean(cells.get(i)));
                content.endText();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        y -= 11;
    }

    void image(BufferedImage image, float width) {
        float height = width * image.getHeight() / image.getWidth();
        ensure(height + 6);
        try {
            PDImageXObject picture = LosslessFactory.createFromImage(document, image);
            content.drawImage(picture, MARGIN, y - height, width, height);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        y -= height + 6;
    }

    void space(float points) {
        y -= points;
    }

    private void line(PDType1Font font, float size, String text, float leading) {
        ensure(leading);
        try {
            content.beginText();
            content.setFont(font, size);
            content.newLineAtOffset(MARGIN, y);
            content.showText(text);
            content.endText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        y -= leading;
    }

    private void ensure(float height) {
        if (y - height < MARGIN) {
            newPage();
        }
    }

    private void newPage() {
        try {
            if (content != null) {
                content.close();
            }
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            content = new PDPageContentStream(document, page);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        y = PDRectangle.A4.getHeight() - MARGIN;
    }

    private static List<String> wrap(String text, PDType1Font font, float size, float width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            String candidate = line.length() == 0 ? word : line + " " + word;
            if (line.length() > 0 && textWidth(font, size, candidate) > width) {
                lines.add(line.toString());
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(candidate);
            }
            while (textWidth(font, size, line.toString()) > width) {
                int fits = Math.max(1, (int) (line.length() * width / textWidth(font, size, line.toString())) - 1);
                lines.add(line.substring(0, fits));
                line = new StringBuilder(line.substring(fits));
            }
        }
        lines.add(line.toString());
        return lines;
    }

    private static float textWidth(PDType1Font font, float size, String text) {
        try {
            return font.getStringWidth(text) / 1000 * size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** WinAnsi only: the Greek letters and signs the figures use are spelled out. */
    static String clean(String text) {
        String spelled = text.replace("α", "alpha").replace("β", "beta").replace("≤", "<=").replace("≥", ">=")
                .replace("→", "->").replace("μ", "mu").replace("σ", "sigma").replace("τ", "tau").replace("×", "x")
                .replace("–", "-").replace("—", "-").replace("…", "...");
        StringBuilder ascii = new StringBuilder();
        spelled.codePoints().forEach(c -> ascii.append(c >= 32 && c < 127 ? (char) c : '?'));
        return ascii.toString();
    }

    @Override
    public void close() {
        try {
            content.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
