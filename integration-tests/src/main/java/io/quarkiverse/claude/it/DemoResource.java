package io.quarkiverse.claude.it;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;

/**
 * The demo's table over HTTP: {@code GET /demo/report} (JSON) and {@code GET /demo/report.txt} (as the terminal shows
 * it) give the last run's; {@code POST /demo/run?scenario=flaky&calls=24} runs a batch and answers its report.
 */
@Path("/demo")
public class DemoResource {

    private static final Logger LOG = Logger.getLogger(DemoResource.class);

    @Inject
    DemoRun demo;

    @GET
    @Path("/report")
    @Produces(MediaType.APPLICATION_JSON)
    public Response report() {
        return demo.last().map(report -> Response.ok(report)).orElseGet(DemoResource::noRunYet).build();
    }

    @GET
    @Path("/report.txt")
    @Produces(MediaType.TEXT_PLAIN)
    public Response reportText() {
        return demo.last().map(report -> Response.ok(ReportText.render(report))).orElseGet(DemoResource::noRunYet)
                .build();
    }

    @POST
    @Path("/run")
    @Produces(MediaType.APPLICATION_JSON)
    public Response run(@QueryParam("scenario") String scenario, @QueryParam("calls") Integer calls) {
        try {
            return Response.ok(demo.run(scenario, calls, LOG::info)).build();
        } catch (IllegalArgumentException e) {
            return text(Response.Status.BAD_REQUEST, e.getMessage());
        } catch (DemoRun.Busy e) {
            return text(Response.Status.CONFLICT, e.getMessage());
        }
    }

    private static Response.ResponseBuilder noRunYet() {
        return Response.status(Response.Status.NOT_FOUND).type(MediaType.TEXT_PLAIN)
                .entity("No demo run yet: POST /demo/run?scenario=flaky&calls=24\n");
    }

    private static Response text(Response.Status status, String message) {
        return Response.status(status).type(MediaType.TEXT_PLAIN).entity(message + "\n").build();
    }
}
