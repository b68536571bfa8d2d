// clusterdesk-cli: scripting and benchmarks over the same core as the desktop app.

#include "app/about/Versions.h"
#include "app/demo/DemoCluster.h"
#include "sshcore/Libssh2Library.h"
#include "sshcore/SshServerProbe.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

#include <chrono>
#include <cstdio>

using namespace std::chrono_literals;

namespace {

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

QTextStream &err()
{
    static QTextStream stream(stderr);
    return stream;
}

constexpr int exitUsage = 2;

// "host", "host:port" or "[v6]:port".
bool splitHostPort(const QString &text, QString *host, quint16 *port)
{
    *port = 22;
    QString rest = text;
    if (rest.startsWith(u'[')) {
        const qsizetype close = rest.indexOf(u']');
        if (close < 0)
            return false;
        *host = rest.mid(1, close - 1);
        rest = rest.mid(close + 1);
        if (rest.isEmpty())
            return true;
        if (!rest.startsWith(u':'))
            return false;
        rest = rest.mid(1);
    } else if (const qsizetype colon = rest.lastIndexOf(u':'); colon >= 0 && rest.count(u':') == 1) {
        *host = rest.left(colon);
        rest = rest.mid(colon + 1);
    } else {
        *host = rest;
        return !host->isEmpty();
    }
    bool ok = false;
    const uint value = rest.toUInt(&ok);
    if (!ok || value < 1 || value > 65535)
        return false;
    *port = quint16(value);
    return !host->isEmpty();
}

int probe(QCoreApplication &application, const QStringList &arguments)
{
    QString host;
    quint16 port = 22;
    if (arguments.size() != 1 || !splitHostPort(arguments.first(), &host, &port)) {
        err() << "usage: clusterdesk-cli probe HOST[:PORT]\n";
        return exitUsage;
    }
    int status = 1;
    sshcore::SshServerProbe::probe(host, port, 10s, &application,
                                   [&](const sshcore::Result<sshcore::SshServerIdentity> &result) {
                                       if (result) {
                                           out() << result->displayName() << " (SSH "
                                                 << result->protocolVersion << ")\n";
                                           status = 0;
                                       } else {
                                           err() << "clusterdesk-cli: " << result.error() << '\n';
                                       }
                                       QCoreApplication::exit(status);
                                   });
    return application.exec();
}

int demoInfo(const QStringList &arguments)
{
    if (!arguments.isEmpty()) {
        err() << "usage: clusterdesk-cli demo-info\n";
        return exitUsage;
    }
    const QString path = app::DemoCluster::defaultFilePath();
    const auto cluster = app::DemoCluster::load(path);
    if (!cluster) {
        err() << "clusterdesk-cli: " << cluster.error() << '\n';
        return 1;
    }
    out() << cluster->name << " (" << path << ")\n"
          << "  login node  " << cluster->host << " port " << cluster->loginPort << '\n'
          << "  bastion     " << cluster->host << " port " << cluster->bastionPort << '\n'
          << "  scheduler   " << cluster->schedulerType << ' ' << cluster->schedulerVersion
          << ", partitions " << cluster->partitions.join(QStringLiteral(", ")) << '\n';
    for (const auto &user : cluster->users)
        out() << "  user        " << user.name << " (" << user.authMethods.join(QStringLiteral(", "))
              << ")\n";
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication application(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("clusterdesk-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CLUSTERDESK_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "clusterdesk on the command line.\n\n"
        "Commands:\n"
        "  probe HOST[:PORT]   ask an SSH server to identify itself (no login)\n"
        "  demo-info           describe the running demo cluster"));
    parser.addHelpOption();
    const QCommandLineOption versionOption(QStringList{QStringLiteral("v"), QStringLiteral("version")},
                                           QStringLiteral("Show the versions of clusterdesk and its libraries."));
    parser.addOption(versionOption);
    parser.addPositionalArgument(QStringLiteral("command"), QStringLiteral("probe or demo-info"));
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsPositionalArguments);
    parser.process(application);

    if (parser.isSet(versionOption)) {
        out() << app::versionText(QStringLiteral("clusterdesk-cli"), app::coreComponentVersions());
        return 0;
    }
    if (const auto initialized = sshcore::Libssh2Library::initialize(); !initialized) {
        err() << "clusterdesk-cli: " << initialized.error() << '\n';
        return 1;
    }

    QStringList arguments = parser.positionalArguments();
    if (arguments.isEmpty()) {
        err() << parser.helpText();
        return exitUsage;
    }
    const QString command = arguments.takeFirst();
    if (command == u"probe")
        return probe(application, arguments);
    if (command == u"demo-info")
        return demoInfo(arguments);
    err() << "clusterdesk-cli: unknown command '" << command << "'\n\n" << parser.helpText();
    return exitUsage;
}
