package dev.flowstage.stages.prompt;

import java.net.IDN;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * Checks the syntax of email addresses as Django's {@code EmailValidator} does: a dot-atom or
 * quoted local part; a domain of letter-digit-hyphen labels with a top-level label of at least two
 * characters (internationalised domains through their ASCII form), {@code localhost}, or an IP
 * literal in brackets. No DNS lookup is ever made.
 */
final class EmailAddresses {
    private static final int MAX_LENGTH = 320;
    private static final Pattern DOT_ATOM = Pattern.compile(
            "[-!#$%&'*+/=?^_`{}|~0-9A-Za-z]+(\\.[-!#$%&'*+/=?^_`{}|~0-9A-Za-z]+)*");
    private static final Pattern QUOTED = Pattern.compile(
            "\"([\\x01-\\x08\\x0b\\x0c\\x0e-\\x1f!#-\\[\\]-\\x7f]|\\\\[\\x01-\\x09\\x0b\\x0c\\x0e-\\x7f])*\"");
    private static final Pattern DOMAIN = Pattern.compile(
            "((?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+)(?:[A-Za-z0-9-]{2,63}(?<!-))");
    private static final Pattern IPV4 = Pattern.compile(
            "((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
    private static final Pattern IPV6_CHARS = Pattern.compile("(?=[^:]*:)[0-9A-Fa-f:][0-9A-Fa-f:.]*");

    private EmailAddresses() {}

    /** Returns whether {@code address} is a syntactically valid email address. */
    static boolean isValid(String address) {
        int at = address.lastIndexOf('@');
        if (address.length() > MAX_LENGTH || at <= 0 || at == address.length() - 1) {
            return false;
        }
        String user = address.substring(0, at);
        String domain = address.substring(at + 1);
        return (DOT_ATOM.matcher(user).matches() || QUOTED.matcher(user).matches()) && isValidDomain(domain);
    }

    private static boolean isValidDomain(String domain) {
        if (domain.equals("localhost") || DOMAIN.matcher(domain).matches()) {
            return true;
        }
        if (domain.startsWith("[") && domain.endsWith("]")) {
            return isIpLiteral(domain.substring(1, domain.length() - 1));
        }
        try {
            return DOMAIN.matcher(IDN.toASCII(domain, IDN.USE_STD3_ASCII_RULES)).matches();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * IPv4 by pattern; IPv6 only when it starts with a hex digit or colon and has a colon, which the
     * JDK then parses as a literal and never looks up.
     */
    private static boolean isIpLiteral(String literal) {
        if (IPV4.matcher(literal).matches()) {
            return true;
        }
        if (!IPV6_CHARS.matcher(literal).matches()) {
            return false;
        }
        try {
            return InetAddress.getByName(literal).getAddress().length == 16;
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
