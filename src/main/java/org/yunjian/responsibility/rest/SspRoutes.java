package org.yunjian.responsibility.rest;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.yunjian.shared.RawUploadRoute;

/**
 * The SSP import takes the plan as the raw request body too ({@link SspApi}): it reads at most its own limit
 * ({@code yunjian.responsibility.ssp-max-bytes}) and its refusals are audited like a multipart upload's.
 */
@Configuration(proxyBeanMethods = false)
class SspRoutes {

    @Bean
    RawUploadRoute sspImportRoute() {
        return new RawUploadRoute("POST", SspApi.PATH);
    }
}
