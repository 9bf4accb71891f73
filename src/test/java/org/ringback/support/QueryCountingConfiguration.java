package org.ringback.support;

import javax.sql.DataSource;

import net.ttddyy.dsproxy.support.ProxyDataSource;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Puts a {@link ProxyDataSource} that reports to {@link QueryCounting} in front of the app's pool, as the
 * {@code dataSource} bean itself, so Flyway, the transaction manager and every JdbcClient use the same
 * (counted) DataSource and transactions behave as without it. Closing the proxy closes the pool.
 */
@TestConfiguration(proxyBeanMethods = false)
public class QueryCountingConfiguration {

    @Bean
    static QueryCounting queryCounting() {
        return new QueryCounting();
    }

    /** Static and lazy about its listener, so that registering it creates no other bean early. */
    @Bean
    static BeanPostProcessor queryCountingDataSource(ObjectProvider<QueryCounting> counting) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if ("dataSource".equals(beanName) && bean instanceof DataSource pool && !(bean instanceof ProxyDataSource)) {
                    return ProxyDataSourceBuilder.create("dataSource", pool).listener(counting.getObject()).build();
                }
                return bean;
            }
        };
    }
}
