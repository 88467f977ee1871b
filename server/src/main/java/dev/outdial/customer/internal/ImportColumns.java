package dev.outdial.customer.internal;

import dev.outdial.customer.NewCustomer;
import dev.outdial.tabular.SpreadsheetRow;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The columns of an import file, found by their header (SPEC §4.3: name, phone, external ID,
 * email, account manager; further columns become custom fields). Headers are matched in English
 * and Vietnamese, ignoring case and spaces; "phone 2", "phone 3"… are further numbers.
 */
public final class ImportColumns {

    /** The template's headers, in its order. */
    public static final List<String> TEMPLATE = List.of("name", "phone", "external ID", "email", "account manager",
            "dialing mode");

    private static final Set<String> NAME = Set.of("name", "customername", "ten", "tên", "tênkháchhàng", "họtên");
    private static final Set<String> PHONE = Set.of("phone", "phonenumber", "mobile", "sốđiệnthoại", "điệnthoại", "sđt");
    private static final Set<String> EXTERNAL_ID = Set.of("externalid", "external_id", "crmid", "mãkháchhàng");
    private static final Set<String> EMAIL = Set.of("email", "e-mail", "mail");
    private static final Set<String> ACCOUNT_MANAGER = Set.of("accountmanager", "account_manager", "ngườiphụtrách");
    private static final Set<String> DIALING_MODE = Set.of("dialingmode", "dialing_mode", "chếđộquaysố");

    private int name = -1;
    private int phone = -1;
    private int externalId = -1;
    private int email = -1;
    private int accountManager = -1;
    private int dialingMode = -1;
    private final List<Integer> extraPhones = new ArrayList<>();
    private final Map<Integer, String> fields = new LinkedHashMap<>();

    private ImportColumns() {
    }

    public static ImportColumns of(SpreadsheetRow header) {
        ImportColumns columns = new ImportColumns();
        for (int i = 0; i < header.cells().size(); i++) {
            String title = header.cell(i);
            // NFC: the same Vietnamese header typed on another system may arrive decomposed.
            String key = Normalizer.normalize(title, Normalizer.Form.NFC).toLowerCase(Locale.ROOT).replaceAll("\\s+", "");
            if (key.isEmpty()) {
                continue;
            }
            if (NAME.contains(key) && columns.name < 0) {
                columns.name = i;
            } else if (PHONE.contains(key) && columns.phone < 0) {
                columns.phone = i;
            } else if (key.matches("(phone|sđt|sốđiệnthoại)[0-9]+")) {
                columns.extraPhones.add(i);
            } else if (EXTERNAL_ID.contains(key) && columns.externalId < 0) {
                columns.externalId = i;
            } else if (EMAIL.contains(key) && columns.email < 0) {
                columns.email = i;
            } else if (ACCOUNT_MANAGER.contains(key) && columns.accountManager < 0) {
                columns.accountManager = i;
            } else if (DIALING_MODE.contains(key) && columns.dialingMode < 0) {
                columns.dialingMode = i;
            } else {
                columns.fields.put(i, title);
            }
        }
        return columns;
    }

    public boolean hasPhone() {
        return phone >= 0;
    }

    public NewCustomer customer(SpreadsheetRow row) {
        List<String> phones = new ArrayList<>();
        for (int column : extraPhones) {
            String value = row.cell(column);
            if (!value.isEmpty()) {
                phones.add(value);
            }
        }
        Map<String, String> custom = new LinkedHashMap<>();
        fields.forEach((column, title) -> {
            String value = row.cell(column);
            if (!value.isEmpty()) {
                custom.put(title, value);
            }
        });
        return new NewCustomer(row.cell(name), row.cell(phone), phones, row.cell(externalId), row.cell(email),
                row.cell(accountManager), custom, row.cell(dialingMode));
    }
}
