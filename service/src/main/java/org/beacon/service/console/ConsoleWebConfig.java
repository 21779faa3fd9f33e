package org.beacon.service.console;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.thymeleaf.spring6.SpringTemplateEngine;

/**
 * The console's languages: which one a request gets ({@link LanguageChoice}, for the whole service, so an API
 * answer and a page agree), the switch on its pages ({@link LanguageSwitch}), and the message bundles its templates
 * read ({@code console/messages*.properties}).
 */
@Configuration
class ConsoleWebConfig implements WebMvcConfigurer {

    static final String MESSAGES = "console/messages";

    /** Spring's DispatcherServlet looks this bean up by this name. */
    @Bean
    LocaleResolver localeResolver() {
        return new LanguageChoice();
    }

    /** A browser opening the service's address lands in the console (no session is made for it). */
    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController("/", "/console");
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new LanguageSwitch(localeResolver())).addPathPatterns("/console", "/console/**");
    }

    /** The console's texts; a key they lack is looked up in the service's own messages, if it has any. */
    static ResourceBundleMessageSource messages(ApplicationContext parent) {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename(MESSAGES);
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        messages.setParentMessageSource(parent);
        return messages;
    }

    /** Gives Thymeleaf the console's bundles, without replacing the application's MessageSource. */
    @Bean
    static BeanPostProcessor consoleTemplateMessages(ApplicationContext context) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String name) {
                if (bean instanceof SpringTemplateEngine engine) {
                    engine.setTemplateEngineMessageSource(messages(context));
                }
                return bean;
            }
        };
    }
}
