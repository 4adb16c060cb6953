package org.yunjian.notification.internal;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.Timeout;
import org.springframework.stereotype.Component;
import org.yunjian.security.PeopleNames;
import org.yunjian.shared.Msg;
import org.yunjian.shared.PublicAddress;
import org.yunjian.shared.outbound.OutboundHttp;
import org.yunjian.shared.outbound.OutboundPolicies;
import org.yunjian.shared.outbound.RefusedAddressException;

/**
 * Robot messages: the task's text in the robot's language, for whom it waits when it is one person, and the link;
 * sent as the robot's kind wants it ({@link RobotKind}), never following a redirect, over a connection the webhooks'
 * purpose of the outbound address policy allows (judged on the address the socket connects to).
 */
@Component
class WebhookDelivery {

    private final Webhooks webhooks;
    private final PeopleNames people;
    private final NotificationProperties properties;
    private final PublicAddress address;
    private final Clock clock;
    private final CloseableHttpClient http;

    WebhookDelivery(
            Webhooks webhooks,
            PeopleNames people,
            NotificationProperties properties,
            PublicAddress address,
            OutboundPolicies outbound,
            Clock clock) {
        this.webhooks = webhooks;
        this.people = people;
        this.properties = properties;
        this.address = address;
        this.clock = clock;
        this.http =
                OutboundHttp.client(outbound.webhooks(), null, OutboundHttp.Resolver.SYSTEM, 16, properties.timeout());
    }

    @jakarta.annotation.PreDestroy
    void close() throws IOException {
        http.close();
    }

    void send(Deliveries.Row row) throws Deliveries.DeliveryFailure {
        Webhooks.Target t =
                webhooks.target(row.webhookId()).orElseThrow(() -> new Deliveries.DeliveryFailure("robot removed"));
        if (t.url().isEmpty()) {
            throw new Deliveries.DeliveryFailure("robot address does not open (key file or altered row)");
        }
        URI uri = URI.create(t.url());
        String task = TaskText.render(row.kind(), row.args(), t.language());
        PeopleNames.Person who = row.userId() == null
                ? null
                : people.byIds(List.of(row.userId())).get(row.userId());
        String text = who == null
                ? Msg.of("notification.robot.text", task).text(t.language())
                : Msg.of("notification.robot.textFor", task, who.displayName()).text(t.language());
        RobotKind.Request r = t.kind()
                .request(
                        t.url(),
                        t.secret(),
                        new RobotKind.Message(
                                text, address.link(row.href()), row.kind(), null, row.taskId(), row.createdAt()),
                        clock.instant());
        HttpPost post = new HttpPost(URI.create(r.url()));
        Timeout timeout = Timeout.of(properties.timeout());
        post.setConfig(RequestConfig.custom()
                .setConnectionRequestTimeout(timeout)
                .setResponseTimeout(timeout)
                .build());
        post.setEntity(new StringEntity(r.body(), ContentType.APPLICATION_JSON.withCharset(StandardCharsets.UTF_8)));
        r.headers().forEach(post::setHeader);
        Answer response;
        try {
            response = http.execute(
                    post,
                    res -> new Answer(
                            res.getCode(),
                            res.getEntity() == null
                                    ? ""
                                    : new String(
                                            res.getEntity().getContent().readNBytes(64 * 1024),
                                            StandardCharsets.UTF_8)));
        } catch (RefusedAddressException e) {
            throw new Deliveries.DeliveryFailure(uri.getHost() + ": refused by the outbound address policy ("
                    + e.address() + ", " + e.reason() + ")");
        } catch (IOException e) {
            throw new Deliveries.DeliveryFailure(uri.getHost() + ": " + e);
        }
        String answer = response.body();
        String shortAnswer = answer.length() > 200 ? answer.substring(0, 200) : answer;
        if (response.status() / 100 != 2) {
            throw new Deliveries.DeliveryFailure(uri.getHost() + ": HTTP " + response.status() + " " + shortAnswer);
        }
        if (!t.kind().accepted(answer)) {
            throw new Deliveries.DeliveryFailure(uri.getHost() + ": refused " + shortAnswer);
        }
    }

    /** A robot's answer: its status and at most 64 KiB of its body. */
    private record Answer(int status, String body) {}
}
