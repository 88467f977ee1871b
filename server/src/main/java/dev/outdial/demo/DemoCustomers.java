package dev.outdial.demo;

import dev.outdial.customer.NewCustomer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * A demo campaign's customers: Vietnamese names and mobile numbers, the same ones for the same
 * seed. The first few numbers end in the suffixes {@code application-demo.properties} gives the
 * simulated carrier rules for, so busy and unanswered calls show from the first minutes.
 */
final class DemoCustomers {

    /** Numbers ending so are always busy on the demo's simulated carrier. */
    static final String BUSY_SUFFIX = "99901";
    /** Numbers ending so always ring out unanswered on the demo's simulated carrier. */
    static final String NO_ANSWER_SUFFIX = "99902";
    private static final List<String> RULED = List.of(BUSY_SUFFIX, NO_ANSWER_SUFFIX, BUSY_SUFFIX, NO_ANSWER_SUFFIX);

    private static final List<String> FAMILY = List.of("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan",
            "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý");
    private static final List<String> MIDDLE = List.of("Văn", "Thị", "Minh", "Thu", "Quốc", "Hoàng", "Ngọc",
            "Thanh", "Đức", "Hữu", "Gia", "Khánh");
    private static final List<String> GIVEN = List.of("An", "Bình", "Châu", "Dũng", "Giang", "Hà", "Hải", "Hạnh",
            "Hiếu", "Hoa", "Hùng", "Khánh", "Lan", "Linh", "Long", "Mai", "Nam", "Nga", "Phong", "Phúc", "Quân",
            "Quang", "Sơn", "Tâm", "Thảo", "Trang", "Trung", "Tuấn", "Uyên", "Vy", "Yến");
    /** Mobile network prefixes after +84. */
    private static final List<String> MOBILE = List.of("90", "91", "93", "94", "96", "97", "98", "32", "35", "37",
            "70", "77", "79", "81", "83", "86", "88", "89");

    private DemoCustomers() {
    }

    static List<NewCustomer> generate(int count, long seed) {
        Random random = new Random(seed);
        Set<String> numbers = new HashSet<>();
        List<NewCustomer> customers = new ArrayList<>();
        while (customers.size() < count) {
            String number = customers.size() < RULED.size()
                    ? mobile(random, RULED.get(customers.size()))
                    : mobile(random, "%05d".formatted(random.nextInt(99_900)));
            if (numbers.add(number)) {
                String name = pick(FAMILY, random) + " " + pick(MIDDLE, random) + " " + pick(GIVEN, random);
                customers.add(new NewCustomer(name, number, List.of(), null, null, null, Map.of()));
            }
        }
        return customers;
    }

    private static String mobile(Random random, String lastFive) {
        return "+84" + pick(MOBILE, random) + "%02d".formatted(random.nextInt(100)) + lastFive;
    }

    private static String pick(List<String> words, Random random) {
        return words.get(random.nextInt(words.size()));
    }
}
