/**
 * certificate-transfer's core: the domain of AWS IoT Core's certificate-transfer lifecycle behind its ports. Hosts
 * call the inbound port ({@code port.in}), plug in the outbound ports ({@code port.out}), build the service
 * ({@code application}); storage authors implement {@code CertificateRepository} with the types of {@code spi}.
 * The rules themselves ({@code domain.rules}) and the use cases are internal.
 */
module dev.certificatetransfer.core {
    requires transitive io.vavr;
    requires org.slf4j;

    exports dev.certificatetransfer.port.in;
    exports dev.certificatetransfer.port.out;
    exports dev.certificatetransfer.spi;
    exports dev.certificatetransfer.domain;
    exports dev.certificatetransfer.application;
    exports dev.certificatetransfer.adapter.memory;
    exports dev.certificatetransfer.adapter.authorization;
    exports dev.certificatetransfer.adapter.transferrule;
}
