package ru.otklik.message;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Engine settings of the message procedure: the tenant of each case (one process definition is shared by all
 * organizations, each instance carries its organization as tenant id).
 */
@Configuration(proxyBeanMethods = false)
class MessageEngineConfiguration {

    @Bean
    ProcessEnginePlugin messageTenantIdProviderPlugin() {
        return new AbstractProcessEnginePlugin() {
            @Override
            public void preInit(ProcessEngineConfigurationImpl configuration) {
                configuration.setTenantIdProvider(new MessageTenantIdProvider(configuration::getIdentityService));
            }

            @Override
            public String toString() {
                return "MessageTenantIdProvider";
            }
        };
    }
}
