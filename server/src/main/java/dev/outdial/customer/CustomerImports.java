package dev.outdial.customer;

import dev.outdial.customer.internal.ImportColumns;
import dev.outdial.customer.internal.ImportRepository;
import dev.outdial.customer.internal.ImportRunner;
import dev.outdial.shared.InvalidInputException;
import dev.outdial.tabular.SpreadsheetRows;
import dev.outdial.tabular.UploadLimit;
import dev.outdial.tabular.XlsxWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.web.multipart.MultipartFile;

/**
 * File imports of customers into a campaign (SPEC §4.3): the upload is checked at once (a file
 * that is not a CSV or .xlsx workbook is refused while the person waits), then read in the
 * background with its progress visible, and the downloadable template.
 */
@Service
public class CustomerImports {

    private final CampaignCustomers customers;
    private final ImportRepository imports;
    private final ImportRunner runner;
    private final Clock clock;
    private final UploadLimit limit;
    private final Path uploads;
    /** Imports queue up one after another: each is one long transaction. */
    private final ExecutorService background = Executors.newSingleThreadExecutor(Thread.ofVirtual()
            .name("customer-import-", 0).factory());

    CustomerImports(CampaignCustomers customers, ImportRepository imports, ImportRunner runner, Clock clock,
                    UploadLimit limit, @Value("${outdial.data-dir}") String dataDir) {
        this.limit = limit;
        this.customers = customers;
        this.imports = imports;
        this.runner = runner;
        this.clock = clock;
        this.uploads = Path.of(dataDir, "imports");
    }

    public ImportJob start(long businessId, long userId, long campaignId, MultipartFile file) {
        customers.requireOpen(businessId, campaignId);
        if (file == null || file.isEmpty()) {
            throw new InvalidInputException(SpreadsheetRows.FIELD, "customer.import.empty");
        }
        limit.check(file);
        Path stored = store(file);
        try {
            SpreadsheetRows.check(stored);
        } catch (RuntimeException refused) {
            delete(stored);
            throw refused;
        }
        long importId = imports.create(businessId, campaignId, ImportJob.Source.FILE, fileName(file), userId,
                clock.instant());
        var locale = LocaleContextHolder.getLocale();
        background.submit(() -> runner.run(businessId, campaignId, importId, stored, locale));
        return customers.job(businessId, importId);
    }

    /** The template of SPEC §4.3: the columns in order, phone as text so no leading zero is lost. */
    public byte[] template() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            List<XlsxWriter.Column> columns = new ArrayList<>();
            for (int column = 0; column < ImportColumns.TEMPLATE.size(); column++) {
                columns.add(new XlsxWriter.Column(24, column == 1 ? XlsxWriter.Style.TEXT : XlsxWriter.Style.PLAIN));
            }
            XlsxWriter workbook = new XlsxWriter(out, "Customers", columns);
            workbook.row(ImportColumns.TEMPLATE, XlsxWriter.Style.BOLD);
            workbook.row(List.of("Nguyễn Văn An", "+84 912 345 678", "CRM-0001", "an.nguyen@example.com"),
                    XlsxWriter.Style.PLAIN);
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private Path store(MultipartFile file) {
        try {
            Files.createDirectories(uploads);
            Path stored = Files.createTempFile(uploads, "import-", ".upload");
            file.transferTo(stored);
            return stored;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String fileName(MultipartFile file) {
        String name = file.getOriginalFilename();
        if (name == null) {
            return null;
        }
        String base = Path.of(name.replace('\\', '/')).getFileName().toString();
        return base.length() > 255 ? base.substring(0, 255) : base;
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // the folder is the server's own; a leftover upload is harmless
        }
    }
}
