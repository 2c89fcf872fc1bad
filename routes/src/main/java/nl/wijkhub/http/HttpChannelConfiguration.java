package nl.wijkhub.http;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class HttpChannelConfiguration implements WebMvcConfigurer {

  private final ApiSettings settings;

  HttpChannelConfiguration(ApiSettings settings) {
    this.settings = settings;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(new ApiVersionHeader()).addPathPatterns("/api/v1/**");
    registry.addInterceptor(new PartnerAuthentication(new RateLimits(settings.requestsPerMinute())))
        .addPathPatterns("/api/v1/submissions", "/api/v1/submissions/**", "/api/v1/signals",
            "/api/v1/signals/**");
  }
}
