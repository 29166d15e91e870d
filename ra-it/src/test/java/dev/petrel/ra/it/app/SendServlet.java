package dev.petrel.ra.it.app;

import jakarta.ejb.EJB;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** The test's door into the server: {@code /send?op=send|sendWithRow|count&queue=..&text=..&rollback=..}. */
@WebServlet("/send")
public class SendServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @EJB
    private SenderBean sender;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        String queue = request.getParameter("queue");
        String text = request.getParameter("text");
        boolean rollback = Boolean.parseBoolean(request.getParameter("rollback"));
        try {
            String result = switch (request.getParameter("op")) {
                case "send" -> {
                    sender.send(queue, text, rollback);
                    yield "ok";
                }
                case "sendWithContext" -> {
                    sender.sendWithContext(queue, text, rollback);
                    yield "ok";
                }
                case "sendWithRow" -> {
                    sender.createTable();
                    sender.sendWithRow(queue, text, rollback);
                    yield "ok";
                }
                case "count" -> {
                    sender.createTable();
                    yield Integer.toString(sender.countRows(text));
                }
                default -> throw new ServletException("unknown op " + request.getParameter("op"));
            };
            response.setContentType("text/plain");
            response.getWriter().print(result);
        } catch (Exception e) {
            throw new ServletException(e);
        }
    }
}
