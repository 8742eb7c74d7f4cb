package dev.leadbot.telegram.fake;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A multipart/form-data body as the Bot API reads one (sendPhoto and other uploads): text fields
 * by name, and files by name with their bytes exactly as sent.
 */
record FakeMultipart(Map<String, String> fields, Map<String, byte[]> files, Map<String, String> fileNames) {

    private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]+)\"?");
    private static final Pattern NAME = Pattern.compile("\\bname=\"([^\"]*)\"");
    private static final Pattern FILE_NAME = Pattern.compile("filename=\"([^\"]*)\"");

    /** The parts of {@code body}, or empty if {@code contentType} is not multipart/form-data with a boundary. */
    static Optional<FakeMultipart> parse(String contentType, byte[] body) {
        Matcher boundary = BOUNDARY.matcher(contentType == null ? "" : contentType);
        if (contentType == null || !contentType.startsWith("multipart/form-data") || !boundary.find()) {
            return Optional.empty();
        }
        // ISO-8859-1 maps every byte to one char and back, so a file's bytes survive the split unchanged.
        String raw = new String(body, StandardCharsets.ISO_8859_1);
        Map<String, String> fields = new LinkedHashMap<>();
        Map<String, byte[]> files = new LinkedHashMap<>();
        Map<String, String> fileNames = new LinkedHashMap<>();
        for (String part : raw.split("--" + Pattern.quote(boundary.group(1)))) {
            int headersEnd = part.indexOf("\r\n\r\n");
            if (headersEnd < 0) {
                continue;
            }
            String headers = part.substring(0, headersEnd);
            String content = part.substring(headersEnd + 4, part.endsWith("\r\n") ? part.length() - 2 : part.length());
            Matcher name = NAME.matcher(headers);
            if (!name.find()) {
                continue;
            }
            byte[] bytes = content.getBytes(StandardCharsets.ISO_8859_1);
            Matcher fileName = FILE_NAME.matcher(headers);
            if (fileName.find()) {
                files.put(name.group(1), bytes);
                fileNames.put(name.group(1), new String(fileName.group(1).getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
            } else {
                fields.put(name.group(1), new String(bytes, StandardCharsets.UTF_8));
            }
        }
        return Optional.of(new FakeMultipart(fields, files, fileNames));
    }
}
