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
        err() << "usage: clusterdesk-cli probe HOST[:PORT]\n";
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
                                           err() << "clusterdesk-cli: " << result.error().message << '\n';
                                           status = cli::connectionFailed;
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
        err() << "clusterdesk-cli: " << cluster.error().message << '\n';
        return 1;
    }
    out() << cluster->name << " (" << path << ")\n"
          << "  login node  " << cluster->host << " port " << cluster->loginPort << '\n'
          << "  bastion     " << cluster->host << " port " << cluster->bastionPort << '\n'
          << "  scheduler   " << cluster->schedulerType << ' ' << cluster->schedulerVersion << ", partitions "
          << cluster->partitions.join(QStringLiteral(", ")) << '\n';
    for (const auto &user : cluster->users)
        out() << "  user        " << user.name << " (" << user.authMethods.join(QStringLiteral(", ")) << ")\n";
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication application(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("clusterdesk-cli"));
    app::installTranslations();
    QCoreApplication::setApplicationVersion(QStringLiteral(CLUSTERDESK_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "clusterdesk on the command line.\n\n"
        "Commands:\n"
        "  exec TARGET COMMAND [ARG...]   run a command (arguments are quoted for the remote shell)\n"
        "  ls TARGET [PATH]               list a remote folder over SFTP\n"
        "  forward TARGET LPORT:HOST:PORT forward 127.0.0.1:LPORT to HOST:PORT as seen from TARGET\n"
        "  upload TARGET SOURCE DIR       copy a local file or folder into the remote folder DIR\n"
        "  download TARGET SOURCE DIR     copy a remote file or folder into the local folder DIR\n"
        "  bench-exec TARGET              time --count runs of --command through one session and with ssh\n"
        "  submit TARGET SCRIPT           check SCRIPT against the cluster, upload it to --workdir, submit it\n"
        "  queue TARGET                   your jobs (--all: everyone's) with state, time and why pending\n"
        "  cancel|hold|release TARGET ID... control jobs\n"
        "  history TARGET [ID...]         finished jobs of the last --days with CPU, memory and time efficiency\n"
        "  jupyter start TARGET           start Jupyter in a job (--partition --time --cpus --mem --gpus --account\n"
        "                                 --qos --workdir --env KIND:NAME --lab|--notebook); prints its URL when\n"
        "                                 ready and keeps the tunnel until Ctrl+C (--stop-on-exit: then cancel)\n"
        "  jupyter list TARGET            the Jupyter servers queued or running\n"
        "  jupyter url TARGET ID          a tunnel to a running server again: prints its URL, keeps it until Ctrl+C\n"
        "  jupyter stop TARGET ID         cancel a server's job\n"
        "  monitor TARGET JOBID           a running job's cores busy, memory and GPUs, a line per sample until it\n"
        "                                 ends (--interval S; --csv FILE also writes CSV, --csv - only CSV)\n"
        "  usage TARGET                   the partitions' CPUs, memory and GPUs in use now, jobs pending and running\n"
        "  translate --to SCHEDULER SCRIPT  print SCRIPT for slurm, pbs, lsf or sge (notes on stderr)\n"
        "  probe HOST[:PORT]              ask an SSH server to identify itself (no login)\n"
        "  profiles                       the clusters saved in the desktop app (name, address, jump hosts, "
        "scheduler)\n"
        "  demo-info                      describe the running demo cluster\n\n"
        "TARGET is a cluster's name from the desktop app, a ~/.ssh/config alias or user@host[:port];\n"
        "~/.ssh/config and known_hosts apply. Exit status: 0, 1 failed, 2 bad usage, 255 no connection\n"
        "(exec: the remote command's). See clusterdesk-cli(1)."));
    parser.addHelpOption();
    const QCommandLineOption versionOption(QStringList{QStringLiteral("v"), QStringLiteral("version")},
                                           QStringLiteral("Show the versions of clusterdesk and its libraries."));
    parser.addOption(versionOption);
    const QCommandLineOption identityOption(QStringList{QStringLiteral("i"), QStringLiteral("identity")},
                                            QStringLiteral("A private key to try first (repeatable)."),
                                            QStringLiteral("file"));
    const QCommandLineOption knownHostsOption(QStringLiteral("known-hosts"),
                                              QStringLiteral(
                                                  "The known_hosts file to use instead of ~/.ssh/known_hosts."),
                                              QStringLiteral("file"));
    const QCommandLineOption strictOption(QStringLiteral("strict-host-key-checking"),
                                          QStringLiteral(
                                              "yes, no, accept-new or ask (default: as ~/.ssh/config says)."),
                                          QStringLiteral("mode"));
    const QCommandLineOption jumpOption(QStringList{QStringLiteral("J"), QStringLiteral("jump")},
                                        QStringLiteral("Jump hosts to go through, comma-separated (like ssh -J)."),
                                        QStringLiteral("hops"));
    const QCommandLineOption batchOption(QStringLiteral("batch"), QStringLiteral("Never prompt; fail instead."));
    const QCommandLineOption countOption(QStringLiteral("count"), QStringLiteral("bench-exec: runs (default 100)."),
                                         QStringLiteral("n"), QStringLiteral("100"));
    const QCommandLineOption benchCommandOption(QStringLiteral("command"),
                                                QStringLiteral("bench-exec: the command (default squeue)."),
                                                QStringLiteral("command"), QStringLiteral("squeue"));
    const QCommandLineOption conflictOption(
        QStringLiteral("conflict"),
        QStringLiteral(
            "upload/download: when the destination exists: overwrite (default), skip, resume, keep-both, newer."),
        QStringLiteral("how"), QStringLiteral("overwrite"));
    const QCommandLineOption verifyOption(QStringLiteral("verify"),
                                          QStringLiteral(
                                              "upload/download: compare SHA-256 of both ends before the rename."));
    const QCommandLineOption workdirOption(QStringLiteral("workdir"),
                                           QStringLiteral("submit: the job's folder on the cluster (default: home)."),
                                           QStringLiteral("dir"), QStringLiteral("."));
    const QCommandLineOption testOption(QStringLiteral("test"),
                                        QStringLiteral("submit: say when the job would start, without submitting."));
    const QCommandLineOption forceOption(QStringLiteral("force"), QStringLiteral("submit: despite validation errors."));
    const QCommandLineOption allOption(QStringLiteral("all"), QStringLiteral("queue: every user's jobs."));
    const QCommandLineOption daysOption(QStringLiteral("days"), QStringLiteral("history: how far back (default 7)."),
                                        QStringLiteral("n"), QStringLiteral("7"));
    const QCommandLineOption toOption(QStringLiteral("to"), QStringLiteral("translate: slurm, pbs, lsf or sge."),
                                      QStringLiteral("scheduler"));
    const QCommandLineOption partitionOption(QStringLiteral("partition"),
                                             QStringLiteral("jupyter start: the partition (default: the cluster's)."),
                                             QStringLiteral("name"));
    const QCommandLineOption timeOption(QStringLiteral("time"),
                                        QStringLiteral("jupyter start: time limit, e.g. 2:00:00 (default 2 hours)."),
                                        QStringLiteral("limit"), QStringLiteral("02:00:00"));
    const QCommandLineOption cpusOption(QStringLiteral("cpus"), QStringLiteral("jupyter start: CPUs (default 1)."),
                                        QStringLiteral("n"), QStringLiteral("1"));
    const QCommandLineOption memOption(QStringLiteral("mem"), QStringLiteral("jupyter start: memory, e.g. 8G."),
                                       QStringLiteral("size"));
    const QCommandLineOption gpusOption(QStringLiteral("gpus"),
                                        QStringLiteral("jupyter start: GPUs, a count or TYPE:COUNT."),
                                        QStringLiteral("gpus"));
    const QCommandLineOption accountOption(QStringLiteral("account"), QStringLiteral("jupyter start: the account."),
                                           QStringLiteral("name"));
    const QCommandLineOption qosOption(QStringLiteral("qos"), QStringLiteral("jupyter start: the QoS."),
                                       QStringLiteral("name"));
    const QCommandLineOption envOption(QStringLiteral("env"),
                                       QStringLiteral("jupyter start: module:NAME (repeatable), conda:NAME, "
                                                      "venv:PATH or container:IMAGE."),
                                       QStringLiteral("kind:name"));
    const QCommandLineOption labOption(QStringLiteral("lab"), QStringLiteral("jupyter start: JupyterLab (default)."));
    const QCommandLineOption notebookOption(QStringLiteral("notebook"),
                                            QStringLiteral("jupyter start: the classic Notebook."));
    const QCommandLineOption stopOnExitOption(QStringLiteral("stop-on-exit"),
                                              QStringLiteral(
                                                  "jupyter start: cancel the job on Ctrl+C without asking."));
    const QCommandLineOption intervalOption(QStringLiteral("interval"),
                                            QStringLiteral("monitor: seconds between samples (default 10)."),
                                            QStringLiteral("s"), QStringLiteral("10"));
    const QCommandLineOption csvOption(QStringLiteral("csv"),
                                       QStringLiteral("monitor: write the samples as CSV to this file (- : only CSV, "
                                                      "on standard output)."),
                                       QStringLiteral("file"));
    parser.addOptions({intervalOption, csvOption});
    parser.addOptions({identityOption,     knownHostsOption, strictOption,  jumpOption,      batchOption, countOption,
                       benchCommandOption, conflictOption,   verifyOption,  workdirOption,   testOption,  forceOption,
                       allOption,          daysOption,       toOption,      partitionOption, timeOption,  cpusOption,
                       memOption,          gpusOption,       accountOption, qosOption,       envOption,   labOption,
                       notebookOption,     stopOnExitOption});
    parser.addPositionalArgument(QStringLiteral("command"), QStringLiteral("One of the commands above."));
    // An unknown option or a missing value is bad usage (2); QCommandLineParser::process() would exit 1.
    const auto parse = [&](QCommandLineParser::OptionsAfterPositionalArgumentsMode mode) {
        parser.setOptionsAfterPositionalArgumentsMode(mode);
        if (parser.parse(QCoreApplication::arguments()))
            return true;
        err() << "clusterdesk-cli: " << parser.errorText() << '\n';
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
        err() << "clusterdesk-cli: " << initialized.error().message << '\n';
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
            err() << "usage: clusterdesk-cli jupyter start|list|url|stop TARGET [ID] [options]\n";
            return exitUsage;
        }
    }
    if (remoteCommands.contains(command)) {
        if (arguments.isEmpty()) {
            err() << "clusterdesk-cli: " << command << " needs a TARGET (alias or user@host[:port])\n";
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
                err() << "clusterdesk-cli: --strict-host-key-checking takes yes, no, accept-new or ask\n";
                return exitUsage;
            }
        }
        if (command == u"exec") {
            if (arguments.isEmpty()) {
                err() << "usage: clusterdesk-cli exec TARGET COMMAND [ARG...]\n";
                return exitUsage;
            }
            QList<QByteArray> remoteArguments;
            for (const QString &argument : std::as_const(arguments))
                remoteArguments.append(argument.toLocal8Bit());
            return cli::execCommand(options, remoteArguments);
        }
        if (command == u"ls") {
            if (arguments.size() > 1) {
                err() << "usage: clusterdesk-cli ls TARGET [PATH]\n";
                return exitUsage;
            }
            return cli::listCommand(options, arguments.value(0).toLocal8Bit());
        }
        if (command == u"forward") {
            if (arguments.size() != 1) {
                err() << "usage: clusterdesk-cli forward TARGET LOCALPORT:HOST:PORT\n";
                return exitUsage;
            }
            return cli::forwardCommand(options, arguments.first());
        }
        if (command == u"upload" || command == u"download") {
            if (arguments.size() != 2) {
                err() << "usage: clusterdesk-cli " << command << " TARGET SOURCE DESTINATION-FOLDER\n";
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
                err() << "usage: clusterdesk-cli submit TARGET SCRIPT [--workdir DIR] [--test] [--force]\n";
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
                err() << "usage: clusterdesk-cli queue TARGET [--all]\n";
                return exitUsage;
            }
            return cli::queueCommand(options, parser.isSet(allOption));
        }
        if (command == u"cancel" || command == u"hold" || command == u"release") {
            if (arguments.isEmpty()) {
                err() << "usage: clusterdesk-cli " << command << " TARGET JOBID...\n";
                return exitUsage;
            }
            return cli::controlCommand(options, command, arguments);
        }
        if (command == u"jupyter") {
            if (jupyterAction == u"list") {
                if (!arguments.isEmpty()) {
                    err() << "usage: clusterdesk-cli jupyter list TARGET\n";
                    return exitUsage;
                }
                return cli::jupyterListCommand(options);
            }
            if (jupyterAction == u"url" || jupyterAction == u"stop") {
                if (arguments.size() != 1) {
                    err() << "usage: clusterdesk-cli jupyter " << jupyterAction << " TARGET ID\n";
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
                    err() << "clusterdesk-cli: " << envError << '\n';
                err() << "usage: clusterdesk-cli jupyter start TARGET [--partition P] [--time T] [--cpus N] [--mem M] "
                         "[--gpus G] [--account A] [--qos Q] [--workdir DIR] [--env KIND:NAME]... [--lab|--notebook] "
                         "[--stop-on-exit]\n";
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
                err() << "usage: clusterdesk-cli monitor TARGET JOBID [--interval SECONDS] [--csv FILE|-]\n";
                return exitUsage;
            }
            monitor.jobId = arguments.first();
            return cli::monitorCommand(options, monitor);
        }
        if (command == u"usage") {
            if (!arguments.isEmpty()) {
                err() << "usage: clusterdesk-cli usage TARGET\n";
                return exitUsage;
            }
            return cli::usageCommand(options);
        }
        if (command == u"history") {
            bool daysOk = false;
            const int days = parser.value(daysOption).toInt(&daysOk);
            if (!daysOk || days < 1) {
                err() << "usage: clusterdesk-cli history TARGET [--days N] [JOBID...]\n";
                return exitUsage;
            }
            return cli::historyCommand(options, days, arguments);
        }
        bool countOk = false;
        const int count = parser.value(countOption).toInt(&countOk);
        if (!countOk || count < 1 || !arguments.isEmpty()) {
            err() << "usage: clusterdesk-cli bench-exec TARGET [--count N] [--command COMMAND]\n";
            return exitUsage;
        }
        return cli::benchExecCommand(options, count, parser.value(benchCommandOption).toUtf8());
    }
    if (command == u"translate") {
        if (arguments.size() != 1 || !parser.isSet(toOption)) {
            err() << "usage: clusterdesk-cli translate --to slurm|pbs|lsf|sge SCRIPT\n";
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
    err() << "clusterdesk-cli: unknown command '" << command << "'\n\n" << parser.helpText();
    return exitUsage;
}
