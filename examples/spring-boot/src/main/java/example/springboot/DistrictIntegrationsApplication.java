package example.springboot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The integration server: a Camel Spring Boot app with routes of its own, and lms-sync added. */
@SpringBootApplication
public class DistrictIntegrationsApplication {
    public static void main(String[] args) {
        SpringApplication.run(DistrictIntegrationsApplication.class, args);
    }
}
