package nl.wijkhub.http;

import nl.wijkhub.HubSettings;
import nl.wijkhub.reference.ReferenceData;
import nl.wijkhub.reference.ReferenceDataLoader;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.core.io.ResourceLoader;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class HttpChannelConfiguration implements WebMvcConfigurer {

  private final ApiKeys keys;
  private final ApiSettings settings;

  HttpChannelConfiguration(HubSettings hub, ApiSettings settings, ReferenceData reference, ResourceLoader resources,
      Environment environment) {
    if (settings.demoKeys() && environment.acceptsProfiles(Profiles.of("prod"))) {
      throw new IllegalStateException("wijkhub.api.demo-keys is true under the prod profile: every partner's key"
          + " would be the public demo-<partnerId>. Set WIJKHUB_API_DEMO_KEYS=false and list real keys in "
          + hub.referenceData() + ApiKeys.FILE + ".");
    }
    this.keys = ApiKeys.load(resources.getResource(ReferenceDataLoader.fileIn(hub.referenceData(), ApiKeys.FILE)),
        reference, settings.demoKeys());
    this.settings = settings;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(new ApiVersionHeader()).addPathPatterns("/api/v1/**");
    registry.addInterceptor(new PartnerAuthentication(keys, new RateLimits(settings.requestsPerMinute())))
        .addPathPatterns("/api/v1/submissions", "/api/v1/submissions/**");
  }
}
