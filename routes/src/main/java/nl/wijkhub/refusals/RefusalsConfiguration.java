package nl.wijkhub.refusals;

import java.time.Clock;
import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.thymeleaf.ITemplateEngine;

/** Puts the hub's error report in Tomcat's place ({@link HubErrorReportValve}). */
@Configuration(proxyBeanMethods = false)
class RefusalsConfiguration {

  /**
   * Runs after Spring Boot's own customiser (unordered: last), which adds a plain ErrorReportValve to the host; that
   * one is replaced, and the host is told that ours is its error report valve, or it would add Tomcat's at start.
   */
  @Bean
  WebServerFactoryCustomizer<TomcatServletWebServerFactory> hubErrorReport(ObjectProvider<ITemplateEngine> pages,
      Clock clock) {
    return factory -> factory.addContextCustomizers(context -> {
      StandardHost host = (StandardHost) context.getParent();
      Pipeline pipeline = host.getPipeline();
      for (Valve valve : pipeline.getValves()) {
        if (valve instanceof ErrorReportValve) {
          pipeline.removeValve(valve);
        }
      }
      pipeline.addValve(new HubErrorReportValve(pages::getObject, clock));
      host.setErrorReportValveClass(HubErrorReportValve.class.getName());
    });
  }
}
