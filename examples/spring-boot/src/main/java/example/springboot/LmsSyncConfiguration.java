package example.springboot;

import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.lmssync.LmsSync;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;

/**
 * lms-sync in this app's CamelContext. Camel Spring Boot adds every {@code RoutesBuilder} bean to
 * its context, so the bean is all it takes: the sync DB is the app's {@code DataSource}
 * ({@code spring.datasource.*}), the {@code lms.*} keys come from the Spring {@code Environment}
 * ({@code application.yaml}, command line, {@code -D}). They are passed explicitly because Camel's
 * properties component under Spring Boot resolves a single key from the Environment but does not
 * list Spring's keys, and lms-sync needs the list.
 */
@Configuration(proxyBeanMethods = false)
public class LmsSyncConfiguration {
    @Bean
    LmsSync lmsSync(ConfigurableEnvironment env, DataSource dataSource) {
        return LmsSync.builder().settings(lmsKeys(env)).dataSource(dataSource).build();
    }

    /** Every {@code lms.*} key that a property source names, at the value the Environment resolves for it. */
    static Map<String, String> lmsKeys(ConfigurableEnvironment env) {
        Map<String, String> keys = new TreeMap<>();
        env.getPropertySources().stream()
                .filter(EnumerablePropertySource.class::isInstance)
                .flatMap(s -> Arrays.stream(((EnumerablePropertySource<?>) s).getPropertyNames()))
                .filter(name -> name.startsWith("lms."))
                .forEach(name -> keys.put(name, Objects.toString(env.getProperty(name), "")));
        return keys;
    }
}
