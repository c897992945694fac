package ru.otklik.report;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The summary's downloads: XLSX (a sheet per table, numbers as numbers) and CSV (a row per cell). */
final class SummaryFiles {

    /** Quotes only what needs quoting (separators, quotes, line breaks). */
    private static final CsvMapper CSV = CsvMapper.builder().enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING).build();

    private SummaryFiles() {
    }

    static byte[] xlsx(Summary summary) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle bold = book.createCellStyle();
            Font font = book.createFont();
            font.setBold(true);
            bold.setFont(font);
            CellStyle percent = book.createCellStyle();
            percent.setDataFormat(book.createDataFormat().getFormat("0.0%"));
            CellStyle decimal = book.createCellStyle();
            decimal.setDataFormat(book.createDataFormat().getFormat("0.00"));
            for (SummaryTables.Table table : SummaryTables.of(summary)) {
                Sheet sheet = book.createSheet(table.sheet());
                Cell title = sheet.createRow(0).createCell(0);
                title.setCellValue(table.title() + " — " + summary.organizationName() + ", " + summary.period().title());
                title.setCellStyle(bold);
                Row header = sheet.createRow(1);
                for (int c = 0; c < table.headers().size(); c++) {
                    Cell cell = header.createCell(c);
                    cell.setCellValue(table.headers().get(c));
                    cell.setCellStyle(bold);
                }
                for (int r = 0; r < table.rows().size(); r++) {
                    Row row = sheet.createRow(r + 2);
                    List<Object> values = table.rows().get(r);
                    for (int c = 0; c < values.size(); c++) {
                        Object value = values.get(c);
                        Cell cell = row.createCell(c);
                        if (value instanceof Long n) {
                            cell.setCellValue(n);
                        } else if (value instanceof Double share) {
                            cell.setCellValue(share);
                            cell.setCellStyle(percent);
                        } else if (value instanceof SummaryTables.Hours h) {
                            cell.setCellValue(h.hours());
                            cell.setCellStyle(decimal);
                        } else if (value != null) {
                            cell.setCellValue(value.toString());
                        }
                    }
                }
                sheet.setColumnWidth(0, 70 * 256);
                for (int c = 1; c < table.headers().size(); c++) {
                    sheet.setColumnWidth(c, 20 * 256);
                }
            }
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** UTF-8 with a byte order mark (Excel opens it in Cyrillic), semicolons, decimal points. */
    static byte[] csv(Summary summary) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CsvSchema schema = CsvSchema.emptySchema().withColumnSeparator(';').withLineSeparator("\r\n");
        try (Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
             SequenceWriter rows = CSV.writer(schema).writeValues(writer)) {
            writer.write('\uFEFF');
            rows.write(new String[]{"Организация", "Период", "Таблица", "Показатель", "Столбец", "Значение"});
            for (SummaryTables.Table table : SummaryTables.of(summary)) {
                for (List<Object> row : table.rows()) {
                    for (int c = 1; c < row.size(); c++) {
                        rows.write(new String[]{summary.organization(), summary.period().slug(), table.title(),
                                String.valueOf(row.get(0)), table.headers().get(c), raw(row.get(c))});
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String raw(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double d) {
            return String.format(java.util.Locale.ROOT, "%.4f", d);
        }
        if (value instanceof SummaryTables.Hours h) {
            return String.format(java.util.Locale.ROOT, "%.2f", h.hours());
        }
        return value.toString();
    }
}
