// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

// clusterdesk-cli: scripting and benchmarks over the same core as the desktop app.

#include "app/about/Versions.h"
#include "app/cli/JobCommands.h"
#include "app/cli/JupyterCommands.h"
#include "app/cli/MonitorCommands.h"
#include "app/cli/ProfileTargets.h"
#include "app/cli/RemoteCommands.h"
#include "app/demo/DemoCluster.h"
#include "app/locale/Translations.h"
#include "sshcore/Libssh2Library.h"
#include "sshcore/SshServerProbe.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

#include <algorithm>
#include <chrono>
#include <cstdio>

using namespace std::chrono_literals;
using namespace Qt::StringLiterals;

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(app::cli)
};

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

// Exit statuses (documented in clusterdesk-cli(1)): 0 done, 1 the command failed, 2 bad usage,
// 255 no connection (cli::connectionFailed), and exec's remote status.
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
        cli::printUsage(QStringLiteral("clusterdesk-cli probe HOST[:PORT]"));
        return exitUsage;
    }
    int status = cli::connectionFailed;
    sshcore::SshServerProbe::probe(host, port, 10s, &application,
                                   [&](const sshcore::Result<sshcore::SshServerIdentity> &result) {
                                       if (result) {
                                           out()
                                               << result->displayName() << " (SSH " << result->protocolVersion << ")\n";
                                           status = 0;
                                       } else {
                                           cli::printError(result.error().message);
                                           status = cli::connectionFailed;
                                       }
                                       QCoreApplication::exit(status);
                                   });
    return application.exec();
}

int demoInfo(const QStringList &arguments)
{
    if (!arguments.isEmpty()) {
        cli::printUsage(QStringLiteral("clusterdesk-cli demo-info"));
        return exitUsage;
    }
    const QString path = app::DemoCluster::defaultFilePath();
    const auto cluster = app::DemoCluster::load(path);
    if (!cluster) {
        cli::printError(cluster.error().message);
        return 1;
    }
    // The values line up after the longest of the (translated) labels.
    //: The labels of "clusterdesk-cli demo-info"
    const QString loginLabel = Tr::tr("login node"), bastionLabel = Tr::tr("bastion"),
                  schedulerLabel = Tr::tr("scheduler"), userLabel = Tr::tr("user");
    qsizetype width = 0;
    for (const QString &label : {loginLabel, bastionLabel, schedulerLabel, userLabel})
        width = std::max(width, label.size() + 2);
    const auto row = [width](const QString &label, const QString &value) {
        out() << "  " << label.leftJustified(width) << value << '\n';
    };
    out() << QStringLiteral("%1 (%2)").arg(cluster->name, path) << '\n';
    row(loginLabel, Tr::tr("%1 port %2").arg(cluster->host, QString::number(cluster->loginPort)));
    row(bastionLabel, Tr::tr("%1 port %2").arg(cluster->host, QString::number(cluster->bastionPort)));
    row(schedulerLabel,
        Tr::tr("%1 %2, partitions %3")
            .arg(cluster->schedulerType, cluster->schedulerVersion, cluster->partitions.join(QStringLiteral(", "))));
    for (const auto &user : cluster->users)
        row(userLabel, QStringLiteral("%1 (%2)").arg(user.name, user.authMethods.join(QStringLiteral(", "))));
    return 0;
}

// text on lines of at most width characters, broken between words (a longer word has a line of its
// own); the first line has firstWidth, the next ones start with indent spaces.
QString wrapped(const QString &text, qsizetype firstWidth, qsizetype width, qsizetype indent)
{
    QStringList lines{QString()};
    for (const QString &word : text.split(u' ', Qt::SkipEmptyParts)) {
        const qsizetype room = lines.size() == 1 ? firstWidth : width - indent;
        if (!lines.last().isEmpty() && lines.last().size() + 1 + word.size() > room)
            lines.append(QString());
        lines.last() += (lines.last().isEmpty() ? QString() : QStringLiteral(" ")) + word;
    }
    return lines.join(u'\n' + QString(indent, u' '));
}

// The description --help shows above the options: the commands, each with its synopsis (as
// clusterdesk-cli(1) writes it: names of commands, options and arguments are not translated) and
// what it does (translated, wrapped to fit whatever the translation's length).
QString helpDescription()
{
    // The widths the help had when it was written by hand.
    constexpr qsizetype lineWidth = 108, proseWidth = 96, synopsisWidth = 30, indent = 2 + synopsisWidth + 1;
    const QList<std::pair<QString, QString>> commands = {
        {QStringLiteral("exec TARGET COMMAND [ARG...]"),
         Tr::tr("run a command (arguments are quoted for the remote shell)")},
        {QStringLiteral("ls TARGET [PATH]"), Tr::tr("list a remote folder over SFTP")},
        {QStringLiteral("forward TARGET LPORT:HOST:PORT"),
         Tr::tr("forward 127.0.0.1:LPORT to HOST:PORT as seen from TARGET")},
        {QStringLiteral("upload TARGET SOURCE DIR"), Tr::tr("copy a local file or folder into the remote folder DIR")},
        {QStringLiteral("download TARGET SOURCE DIR"),
         Tr::tr("copy a remote file or folder into the local folder DIR")},
        {QStringLiteral("bench-exec TARGET"),
         Tr::tr("time --count runs of --command through one session and with ssh")},
        {QStringLiteral("submit TARGET SCRIPT"),
         Tr::tr("check SCRIPT against the cluster, upload it to --workdir, submit it")},
        {QStringLiteral("queue TARGET"), Tr::tr("your jobs (--all: everyone's) with state, time and why pending")},
        {QStringLiteral("cancel|hold|release TARGET ID..."), Tr::tr("control jobs")},
        {QStringLiteral("history TARGET [ID...]"),
         Tr::tr("finished jobs of the last --days with CPU, memory and time efficiency")},
        {QStringLiteral("jupyter start TARGET"),
         Tr::tr("start Jupyter in a job (--partition --time --cpus --mem --gpus --account --qos --workdir --env "
                "KIND:NAME --lab|--notebook); prints its URL when ready and keeps the tunnel until Ctrl+C "
                "(--stop-on-exit: then cancel)")},
        {QStringLiteral("jupyter list TARGET"), Tr::tr("the Jupyter servers queued or running")},
        {QStringLiteral("jupyter url TARGET ID"),
         Tr::tr("a tunnel to a running server again: prints its URL, keeps it until Ctrl+C")},
        {QStringLiteral("jupyter stop TARGET ID"), Tr::tr("cancel a server's job")},
        {QStringLiteral("monitor TARGET JOBID"),
         Tr::tr("a running job's cores busy, memory and GPUs, a line per sample until it ends (--interval S; --csv "
                "FILE also writes CSV, --csv - only CSV)")},
        {QStringLiteral("usage TARGET"),
         Tr::tr("the partitions' CPUs, memory and GPUs in use now, jobs pending and running")},
        {QStringLiteral("translate --to SCHEDULER SCRIPT"),
         Tr::tr("print SCRIPT for slurm, pbs, lsf or sge (notes on stderr)")},
        {QStringLiteral("probe HOST[:PORT]"), Tr::tr("ask an SSH server to identify itself (no login)")},
        {QStringLiteral("profiles"),
         Tr::tr("the clusters saved in the desktop app (name, address, jump hosts, scheduler)")},
        {QStringLiteral("demo-info"), Tr::tr("describe the running demo cluster")},
    };
    QString text = Tr::tr("clusterdesk on the command line.") + u"\n\n"_s + Tr::tr("Commands:") + u'\n';
    for (const auto &[synopsis, description] : commands) {
        const QString start = u"  "_s + synopsis.leftJustified(synopsisWidth) + u' ';
        text += start + wrapped(description, lineWidth - start.size(), lineWidth, indent) + u'\n';
    }
    return text + u'\n'
           + wrapped(Tr::tr("TARGET is a cluster's name from the desktop app, a ~/.ssh/config alias or "
                            "user@host[:port]; ~/.ssh/config and known_hosts apply. Exit status: 0, 1 failed, 2 bad "
                            "usage, 255 no connection (exec: the remote command's). See clusterdesk-cli(1)."),
                     proseWidth, proseWidth, 0);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication application(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("clusterdesk-cli"));
    app::installTranslations();
    QCoreApplication::setApplicationVersion(QStringLiteral(CLUSTERDESK_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(helpDescription());
    parser.addHelpOption();
    const QCommandLineOption versionOption(QStringList{QStringLiteral("v"), QStringLiteral("version")},
                                           Tr::tr("Show the versions of clusterdesk and its libraries."));
    parser.addOption(versionOption);
    const QCommandLineOption identityOption(QStringList{QStringLiteral("i"), QStringLiteral("identity")},
                                            Tr::tr("A private key to try first (repeatable)."), QStringLiteral("file"));
    const QCommandLineOption knownHostsOption(QStringLiteral("known-hosts"),
                                              Tr::tr("The known_hosts file to use instead of ~/.ssh/known_hosts."),
                                              QStringLiteral("file"));
    const QCommandLineOption strictOption(QStringLiteral("strict-host-key-checking"),
                                          Tr::tr("yes, no, accept-new or ask (default: as ~/.ssh/config says)."),
                                          QStringLiteral("mode"));
    const QCommandLineOption jumpOption(QStringList{QStringLiteral("J"), QStringLiteral("jump")},
                                        Tr::tr("Jump hosts to go through, comma-separated (like ssh -J)."),
                                        QStringLiteral("hops"));
    const QCommandLineOption batchOption(QStringLiteral("batch"), Tr::tr("Never prompt; fail instead."));
    const QCommandLineOption countOption(QStringLiteral("count"),
                                         //: --help: what an option is for; "bench-exec:", "submit:", "jupyter start:",
                                         //: ... name the command it belongs to (not translated)
                                         Tr::tr("bench-exec: runs (default 100)."), QStringLiteral("n"),
                                         QStringLiteral("100"));
    const QCommandLineOption benchCommandOption(QStringLiteral("command"),
                                                Tr::tr("bench-exec: the command (default squeue)."),
                                                QStringLiteral("command"), QStringLiteral("squeue"));
    const QCommandLineOption conflictOption(
        QStringLiteral("conflict"),
        Tr::tr("upload/download: when the destination exists: overwrite (default), skip, resume, keep-both, newer."),
        QStringLiteral("how"), QStringLiteral("overwrite"));
    const QCommandLineOption verifyOption(QStringLiteral("verify"),
                                          Tr::tr("upload/download: compare SHA-256 of both ends before the rename."));
    const QCommandLineOption workdirOption(QStringLiteral("workdir"),
                                           Tr::tr("submit: the job's folder on the cluster (default: home)."),
                                           QStringLiteral("dir"), QStringLiteral("."));
    const QCommandLineOption testOption(QStringLiteral("test"),
                                        Tr::tr("submit: say when the job would start, without submitting."));
    const QCommandLineOption forceOption(QStringLiteral("force"), Tr::tr("submit: despite validation errors."));
    const QCommandLineOption allOption(QStringLiteral("all"), Tr::tr("queue: every user's jobs."));
    const QCommandLineOption daysOption(QStringLiteral("days"), Tr::tr("history: how far back (default 7)."),
                                        QStringLiteral("n"), QStringLiteral("7"));
    const QCommandLineOption toOption(QStringLiteral("to"), Tr::tr("translate: slurm, pbs, lsf or sge."),
                                      QStringLiteral("scheduler"));
    const QCommandLineOption partitionOption(QStringLiteral("partition"),
                                             Tr::tr("jupyter start: the partition (default: the cluster's)."),
                                             QStringLiteral("name"));
    const QCommandLineOption timeOption(QStringLiteral("time"),
                                        Tr::tr("jupyter start: time limit, e.g. 2:00:00 (default 2 hours)."),
                                        QStringLiteral("limit"), QStringLiteral("02:00:00"));
    const QCommandLineOption cpusOption(QStringLiteral("cpus"), Tr::tr("jupyter start: CPUs (default 1)."),
                                        QStringLiteral("n"), QStringLiteral("1"));
    const QCommandLineOption memOption(QStringLiteral("mem"), Tr::tr("jupyter start: memory, e.g. 8G."),
                                       QStringLiteral("size"));
    const QCommandLineOption gpusOption(QStringLiteral("gpus"), Tr::tr("jupyter start: GPUs, a count or TYPE:COUNT."),
                                        QStringLiteral("gpus"));
    const QCommandLineOption accountOption(QStringLiteral("account"), Tr::tr("jupyter start: the account."),
                                           QStringLiteral("name"));
    const QCommandLineOption qosOption(QStringLiteral("qos"), Tr::tr("jupyter start: the QoS."),
                                       QStringLiteral("name"));
    const QCommandLineOption envOption(QStringLiteral("env"),
                                       Tr::tr("jupyter start: module:NAME (repeatable), conda:NAME, "
                                              "venv:PATH or container:IMAGE."),
                                       QStringLiteral("kind:name"));
    const QCommandLineOption labOption(QStringLiteral("lab"), Tr::tr("jupyter start: JupyterLab (default)."));
    const QCommandLineOption notebookOption(QStringLiteral("notebook"), Tr::tr("jupyter start: the classic Notebook."));
    const QCommandLineOption stopOnExitOption(QStringLiteral("stop-on-exit"),
                                              Tr::tr("jupyter start: cancel the job on Ctrl+C without asking."));
    const QCommandLineOption intervalOption(QStringLiteral("interval"),
                                            Tr::tr("monitor: seconds between samples (default 10)."),
                                            QStringLiteral("s"), QStringLiteral("10"));
    const QCommandLineOption csvOption(QStringLiteral("csv"),
                                       Tr::tr("monitor: write the samples as CSV to this file (- : only CSV, "
                                              "on standard output)."),
                                       QStringLiteral("file"));
    parser.addOptions({intervalOption, csvOption});
    parser.addOptions({identityOption,     knownHostsOption, strictOption,  jumpOption,      batchOption, countOption,
                       benchCommandOption, conflictOption,   verifyOption,  workdirOption,   testOption,  forceOption,
                       allOption,          daysOption,       toOption,      partitionOption, timeOption,  cpusOption,
                       memOption,          gpusOption,       accountOption, qosOption,       envOption,   labOption,
                       notebookOption,     stopOnExitOption});
    parser.addPositionalArgument(QStringLiteral("command"), Tr::tr("One of the commands above."));
    // An unknown option or a missing value is bad usage (2); QCommandLineParser::process() would exit 1.
    const auto parse = [&](QCommandLineParser::OptionsAfterPositionalArgumentsMode mode) {
        parser.setOptionsAfterPositionalArgumentsMode(mode);
        if (parser.parse(QCoreApplication::arguments()))
            return true;
        cli::printError(parser.errorText());
        return false;
    };
    if (!parse(QCommandLineParser::ParseAsPositionalArguments))
        return exitUsage;
    parser.process(application); // --help and --help-all

    if (parser.isSet(versionOption)) {
        out() << app::versionText(QStringLiteral("clusterdesk-cli"), app::coreComponentVersions());
        return 0;
    }
    if (const auto initialized = sshcore::Libssh2Library::initialize(); !initialized) {
        cli::printError(initialized.error().message);
        return 1;
    }

    QStringList arguments = parser.positionalArguments();
    if (arguments.isEmpty()) {
        err() << parser.helpText();
        return exitUsage;
    }
    const QString command = arguments.takeFirst();
    if (command != u"exec") {
        // Only exec passes what follows its target on as the remote command; the others take
        // options anywhere ("translate --to pbs script.sh").
        if (!parse(QCommandLineParser::ParseAsOptions))
            return exitUsage;
        parser.process(application); // "ls --help"
        arguments = parser.positionalArguments();
        arguments.removeFirst();
    }
    const QStringList remoteCommands = {QStringLiteral("exec"),    QStringLiteral("ls"),
                                        QStringLiteral("forward"), QStringLiteral("bench-exec"),
                                        QStringLiteral("upload"),  QStringLiteral("download"),
                                        QStringLiteral("submit"),  QStringLiteral("queue"),
                                        QStringLiteral("cancel"),  QStringLiteral("hold"),
                                        QStringLiteral("release"), QStringLiteral("history"),
                                        QStringLiteral("jupyter"), QStringLiteral("monitor"),
                                        QStringLiteral("usage")};
    QString jupyterAction; // jupyter's own command comes before its target
    if (command == u"jupyter") {
        jupyterAction = arguments.isEmpty() ? QString() : arguments.takeFirst();
        if (!QStringList{QStringLiteral("start"), QStringLiteral("list"), QStringLiteral("url"), QStringLiteral("stop")}
                 .contains(jupyterAction)) {
            cli::printUsage(QStringLiteral("clusterdesk-cli jupyter start|list|url|stop TARGET [ID] [options]"));
            return exitUsage;
        }
    }
    if (remoteCommands.contains(command)) {
        if (arguments.isEmpty()) {
            cli::printError(Tr::tr("%1 needs a TARGET (alias or user@host[:port])").arg(command));
            return exitUsage;
        }
        cli::ConnectionOptions options;
        options.target = arguments.takeFirst();
        options.identityFiles = parser.values(identityOption);
        options.knownHostsFile = parser.value(knownHostsOption);
        options.batch = parser.isSet(batchOption);
        options.jumpHosts = parser.value(jumpOption);
        if (parser.isSet(strictOption)) {
            const QString mode = parser.value(strictOption).toLower();
            if (mode == u"yes")
                options.strictHostKeyChecking = sshcore::StrictHostKeyChecking::Yes;
            else if (mode == u"no")
                options.strictHostKeyChecking = sshcore::StrictHostKeyChecking::No;
            else if (mode == u"accept-new")
                options.strictHostKeyChecking = sshcore::StrictHostKeyChecking::AcceptNew;
            else if (mode == u"ask")
                options.strictHostKeyChecking = sshcore::StrictHostKeyChecking::Ask;
            else {
                cli::printError(Tr::tr("--strict-host-key-checking takes yes, no, accept-new or ask"));
                return exitUsage;
            }
        }
        if (command == u"exec") {
            if (arguments.isEmpty()) {
                cli::printUsage(QStringLiteral("clusterdesk-cli exec TARGET COMMAND [ARG...]"));
                return exitUsage;
            }
            QList<QByteArray> remoteArguments;
            for (const QString &argument : std::as_const(arguments))
                remoteArguments.append(argument.toLocal8Bit());
            return cli::execCommand(options, remoteArguments);
        }
        if (command == u"ls") {
            if (arguments.size() > 1) {
                cli::printUsage(QStringLiteral("clusterdesk-cli ls TARGET [PATH]"));
                return exitUsage;
            }
            return cli::listCommand(options, arguments.value(0).toLocal8Bit());
        }
        if (command == u"forward") {
            if (arguments.size() != 1) {
                cli::printUsage(QStringLiteral("clusterdesk-cli forward TARGET LOCALPORT:HOST:PORT"));
                return exitUsage;
            }
            return cli::forwardCommand(options, arguments.first());
        }
        if (command == u"upload" || command == u"download") {
            if (arguments.size() != 2) {
                cli::printUsage(QStringLiteral("clusterdesk-cli %1 TARGET SOURCE DESTINATION-FOLDER").arg(command));
                return exitUsage;
            }
            cli::TransferCommandOptions transfer;
            transfer.upload = command == u"upload";
            transfer.conflict = parser.value(conflictOption);
            transfer.verify = parser.isSet(verifyOption);
            return cli::transferCommand(options, transfer, arguments.at(0), arguments.at(1));
        }
        if (command == u"submit") {
            if (arguments.size() != 1) {
                cli::printUsage(
                    QStringLiteral("clusterdesk-cli submit TARGET SCRIPT [--workdir DIR] [--test] [--force]"));
                return exitUsage;
            }
            cli::SubmitCommandOptions submit;
            submit.workDirectory = parser.value(workdirOption);
            submit.testOnly = parser.isSet(testOption);
            submit.force = parser.isSet(forceOption);
            return cli::submitCommand(options, submit, arguments.first());
        }
        if (command == u"queue") {
            if (!arguments.isEmpty()) {
                cli::printUsage(QStringLiteral("clusterdesk-cli queue TARGET [--all]"));
                return exitUsage;
            }
            return cli::queueCommand(options, parser.isSet(allOption));
        }
        if (command == u"cancel" || command == u"hold" || command == u"release") {
            if (arguments.isEmpty()) {
                cli::printUsage(QStringLiteral("clusterdesk-cli %1 TARGET JOBID...").arg(command));
                return exitUsage;
            }
            return cli::controlCommand(options, command, arguments);
        }
        if (command == u"jupyter") {
            if (jupyterAction == u"list") {
                if (!arguments.isEmpty()) {
                    cli::printUsage(QStringLiteral("clusterdesk-cli jupyter list TARGET"));
                    return exitUsage;
                }
                return cli::jupyterListCommand(options);
            }
            if (jupyterAction == u"url" || jupyterAction == u"stop") {
                if (arguments.size() != 1) {
                    cli::printUsage(QStringLiteral("clusterdesk-cli jupyter %1 TARGET ID").arg(jupyterAction));
                    return exitUsage;
                }
                return jupyterAction == u"url" ? cli::jupyterUrlCommand(options, arguments.first())
                                               : cli::jupyterStopCommand(options, arguments.first());
            }
            bool cpusOk = false;
            cli::JupyterStartOptions start;
            start.settings.cpus = parser.value(cpusOption).toInt(&cpusOk);
            QString envError;
            const auto environment = cli::parseJupyterEnvironment(parser.values(envOption), &envError);
            if (!arguments.isEmpty() || !cpusOk || start.settings.cpus < 1 || !environment
                || (parser.isSet(labOption) && parser.isSet(notebookOption))) {
                if (!envError.isEmpty())
                    cli::printError(envError);
                cli::printUsage(QStringLiteral(
                    "clusterdesk-cli jupyter start TARGET [--partition P] [--time T] [--cpus N] [--mem M] "
                    "[--gpus G] [--account A] [--qos Q] [--workdir DIR] [--env KIND:NAME]... "
                    "[--lab|--notebook] [--stop-on-exit]"));
                return exitUsage;
            }
            start.settings.partition = parser.value(partitionOption);
            start.settings.timeLimit = parser.value(timeOption);
            start.settings.memory = parser.value(memOption);
            start.settings.gpus = parser.value(gpusOption);
            start.settings.account = parser.value(accountOption);
            start.settings.qos = parser.value(qosOption);
            start.settings.workDirectory = parser.isSet(workdirOption) ? parser.value(workdirOption) : QString();
            start.settings.environment = *environment;
            start.settings.interface = parser.isSet(notebookOption) ? app::JupyterSettings::Interface::Notebook
                                                                    : app::JupyterSettings::Interface::Lab;
            start.stopOnExit = parser.isSet(stopOnExitOption);
            return cli::jupyterStartCommand(options, start);
        }
        if (command == u"monitor") {
            bool intervalOk = false;
            cli::MonitorCommandOptions monitor;
            monitor.intervalSeconds = parser.value(intervalOption).toInt(&intervalOk);
            monitor.csvPath = parser.value(csvOption);
            if (arguments.size() != 1 || !intervalOk || monitor.intervalSeconds < 1) {
                cli::printUsage(
                    QStringLiteral("clusterdesk-cli monitor TARGET JOBID [--interval SECONDS] [--csv FILE|-]"));
                return exitUsage;
            }
            monitor.jobId = arguments.first();
            return cli::monitorCommand(options, monitor);
        }
        if (command == u"usage") {
            if (!arguments.isEmpty()) {
                cli::printUsage(QStringLiteral("clusterdesk-cli usage TARGET"));
                return exitUsage;
            }
            return cli::usageCommand(options);
        }
        if (command == u"history") {
            bool daysOk = false;
            const int days = parser.value(daysOption).toInt(&daysOk);
            if (!daysOk || days < 1) {
                cli::printUsage(QStringLiteral("clusterdesk-cli history TARGET [--days N] [JOBID...]"));
                return exitUsage;
            }
            return cli::historyCommand(options, days, arguments);
        }
        bool countOk = false;
        const int count = parser.value(countOption).toInt(&countOk);
        if (!countOk || count < 1 || !arguments.isEmpty()) {
            cli::printUsage(QStringLiteral("clusterdesk-cli bench-exec TARGET [--count N] [--command COMMAND]"));
            return exitUsage;
        }
        return cli::benchExecCommand(options, count, parser.value(benchCommandOption).toUtf8());
    }
    if (command == u"translate") {
        if (arguments.size() != 1 || !parser.isSet(toOption)) {
            cli::printUsage(QStringLiteral("clusterdesk-cli translate --to slurm|pbs|lsf|sge SCRIPT"));
            return exitUsage;
        }
        return cli::translateCommand(parser.value(toOption), arguments.first());
    }
    if (command == u"probe")
        return probe(application, arguments);
    if (command == u"demo-info")
        return demoInfo(arguments);
    if (command == u"profiles")
        return cli::profilesCommand(arguments);
    cli::printError(Tr::tr("unknown command '%1'").arg(command));
    err() << '\n' << parser.helpText();
    return exitUsage;
}
