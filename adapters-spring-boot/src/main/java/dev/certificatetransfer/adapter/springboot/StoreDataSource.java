package dev.certificatetransfer.adapter.springboot;

import org.springframework.beans.factory.BeanNotOfRequiredTypeException;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.NoSuchBeanDefinitionException;

import javax.sql.DataSource;
import java.util.Arrays;

/**
 * The {@code DataSource} the starter stores in, chosen once: the bean that {@value #PROPERTY} names, else the
 * application's only or {@code @Primary} one. Several without a choice stop the start with a message that names the
 * property, instead of a missing bean further on.
 *
 * @param dataSource the chosen data source
 */
record StoreDataSource(DataSource dataSource) {

    /** The property that names the bean. */
    static final String PROPERTY = "certificate-transfer.jdbc.data-source";

    /**
     * The data source to store in.
     *
     * @param beans the application's beans, holding at least one {@code DataSource}
     * @param name the bean name the property gives, or null
     * @throws IllegalStateException if the name is no {@code DataSource} bean's, or if there is no name and several
     *     {@code DataSource} beans of which none is primary
     */
    static StoreDataSource choose(ListableBeanFactory beans, String name) {
        var names = Arrays.toString(beans.getBeanNamesForType(DataSource.class));
        if (name != null) {
            try {
                return new StoreDataSource(beans.getBean(name, DataSource.class));
            } catch (NoSuchBeanDefinitionException | BeanNotOfRequiredTypeException wrong) {
                throw new IllegalStateException(
                        PROPERTY + "=" + name + " names no DataSource bean; the DataSource" + " beans are " + names);
            }
        }
        var unique = beans.getBeanProvider(DataSource.class).getIfUnique();
        if (unique == null) {
            throw new IllegalStateException("certificate-transfer cannot choose among the DataSource beans " + names
                    + ", none of which is @Primary: name the one to store in with " + PROPERTY + "=<bean name>");
        }
        return new StoreDataSource(unique);
    }
}
