// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

// bench_terminal: how the Terminals area feels (issue 18, "Terminals", Benchmark).
//   (1) Keystroke echo: a key pressed on the terminal's display until its echo has reached the widget's
//       emulation, through ui::TerminalView (an SshPty on the connection's one session) with the remote
//       side running `cat` on a raw, non-echoing PTY; next to it OpenSSH's `ssh -tt` on a local PTY
//       (as a terminal emulator runs it) to the same sshd running the same command: one byte written
//       to the PTY until it is read back. The two alternate key by key. Goal: clusterdesk no slower.
//   (2) The window's longest stall while 100 MiB of output scroll through the same view: a 10 ms
//       timer on the GUI thread records its gaps. Goal: none over 50 ms.
// Figures, not asserts.

#include "BenchFigures.h"
#include "OpenSsh.h"
#include "app/demo/DemoCluster.h"
#include "sshcore/Libssh2Library.h"
#include "sshcore/SshConnection.h"
#include "ui/terminal/TerminalScreen.h"
#include "ui/terminal/TerminalView.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QTest>
#include <QThread>
#include <QTimer>
#include <qtermwidget.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <functional>
#include <poll.h>
#include <pty.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {

constexpr qint64 StallMs = 50;
// The remote side of the echo test, the same for both: every byte comes back as soon as it arrives.
constexpr char EchoCommand[] = "stty raw -echo; printf READY; exec cat";

void note(const QString &line)
{
    std::fprintf(stderr, "%s\n", qPrintable(line));
}

double percentile(QList<double> values, double p)
{
    if (values.isEmpty())
        return 0;
    std::ranges::sort(values);
    const auto at = qsizetype(std::ceil(p * double(values.size()))) - 1;
    return values[std::clamp<qsizetype>(at, 0, values.size() - 1)];
}

// Runs the event loop until done() holds (checked whenever `sender` emits `signal`) or timeout passes.
template<typename Sender, typename Signal>
bool waitOn(Sender *sender, Signal signal, const std::function<bool()> &done, std::chrono::milliseconds timeout)
{
    if (done())
        return true;
    QEventLoop loop;
    QObject::connect(sender, signal, &loop, [&] {
        if (done())
            loop.quit();
    });
    QTimer::singleShot(timeout, &loop, &QEventLoop::quit);
    loop.exec();
    return done();
}

void idle(std::chrono::milliseconds time)
{
    QEventLoop loop;
    QTimer::singleShot(time, &loop, &QEventLoop::quit);
    loop.exec();
}

// OpenSSH's ssh on a pseudo-terminal of its own, as a terminal emulator would run it (so ssh puts
// its terminal in raw mode, as for a person typing), driven byte by byte from the master side.
class SshOnPty
{
public:
    ~SshOnPty()
    {
        if (m_pid > 0) {
            ::kill(m_pid, SIGTERM);
            ::waitpid(m_pid, nullptr, 0);
        }
        if (m_master >= 0)
            ::close(m_master);
    }

    bool start(const QStringList &arguments)
    {
        std::vector<QByteArray> storage;
        for (const QString &argument : arguments)
            storage.push_back(argument.toLocal8Bit());
        std::vector<char *> argv;
        for (QByteArray &argument : storage)
            argv.push_back(argument.data());
        argv.push_back(nullptr);
        winsize size{24, 80, 0, 0};
        m_pid = ::forkpty(&m_master, nullptr, nullptr, &size);
        if (m_pid == 0) {
            ::execvp(argv[0], argv.data());
            ::_exit(127);
        }
        return m_pid > 0 && readUntil("READY", 30000);
    }

    // Writes one byte and waits for it to come back; the seconds it took, or -1.
    double echo(char byte)
    {
        QElapsedTimer timer;
        timer.start();
        if (::write(m_master, &byte, 1) != 1)
            return -1;
        return readUntil(QByteArray(1, byte), 5000) ? double(timer.nsecsElapsed()) / 1e9 : -1;
    }

    // Reads (and drops) what is there already.
    void drain() { readUntil({}, 0); }

private:
    bool readUntil(const QByteArray &wanted, int timeoutMs)
    {
        QElapsedTimer timer;
        timer.start();
        QByteArray seen;
        for (;;) {
            pollfd fd{m_master, POLLIN, 0};
            const int left = std::max<int>(0, timeoutMs - int(timer.elapsed()));
            const int ready = ::poll(&fd, 1, left);
            if (ready < 0 && errno == EINTR)
                continue;
            if (ready <= 0)
                return false;
            char buffer[4096];
            const ssize_t n = ::read(m_master, buffer, sizeof buffer);
            if (n <= 0)
                return false;
            seen.append(buffer, n);
            if (!wanted.isEmpty() && seen.contains(wanted))
                return true;
        }
    }

    pid_t m_pid = -1;
    int m_master = -1;
};

// clusterdesk's side of the echo test: keys pressed on the display widget of a TerminalView.
class ViewEcho
{
public:
    explicit ViewEcho(ui::TerminalView &view)
        : m_view(view)
        , m_display(view.screen()->terminal()->focusProxy() ? view.screen()->terminal()->focusProxy()
                                                            : view.screen()->terminal())
    {
        QObject::connect(&view, &ui::TerminalView::output, &m_context, [this](const QByteArray &data) {
            if (m_waiting && m_arrivedNs < 0 && data.contains(m_byte))
                m_arrivedNs = m_timer.nsecsElapsed();
        });
        QObject::connect(view.screen()->terminal(), &QTermWidget::receivedData, &m_context,
                         [this](const QString &text) {
                             if (m_waiting && m_shownNs < 0 && text.contains(QLatin1Char(m_byte)))
                                 m_shownNs = m_timer.nsecsElapsed();
                         });
    }

    QWidget *display() const { return m_display; }

    // The seconds until the echo had arrived from the connection and until the widget had it; -1 if
    // it did not come back.
    std::pair<double, double> echo(char byte)
    {
        m_byte = byte;
        m_arrivedNs = m_shownNs = -1;
        m_waiting = true;
        m_timer.start();
        QTest::keyClick(m_display, byte);
        waitOn(m_view.screen()->terminal(), &QTermWidget::receivedData, [this] { return m_shownNs >= 0; }, 5s);
        m_waiting = false;
        return {m_arrivedNs < 0 ? -1 : double(m_arrivedNs) / 1e9, m_shownNs < 0 ? -1 : double(m_shownNs) / 1e9};
    }

private:
    ui::TerminalView &m_view;
    QWidget *m_display;
    QObject m_context;
    QElapsedTimer m_timer;
    char m_byte = 0;
    bool m_waiting = false;
    qint64 m_arrivedNs = -1;
    qint64 m_shownNs = -1;
};

// The gaps between the ticks of a 10 ms timer on the GUI thread.
class GapMeter
{
public:
    GapMeter()
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(10ms);
        QObject::connect(&m_timer, &QTimer::timeout, &m_timer, [this] { tick(); });
    }
    void start()
    {
        m_gaps.clear();
        m_clock.start();
        m_last = 0;
        m_timer.start();
    }
    void stop()
    {
        tick();
        m_timer.stop();
    }
    const QList<double> &gaps() const { return m_gaps; }
    double longest() const { return m_gaps.isEmpty() ? 0 : *std::ranges::max_element(m_gaps); }

private:
    void tick()
    {
        const qint64 now = m_clock.nsecsElapsed();
        m_gaps.append(double(now - m_last) / 1e6);
        m_last = now;
    }
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    QList<double> m_gaps;
};

sshcore::SshConnectionSettings aliceAt(const app::DemoCluster &cluster)
{
    sshcore::SshConnectionSettings settings;
    settings.host = cluster.host;
    settings.port = cluster.loginPort;
    settings.user = u"alice"_s;
    settings.useAgent = false;
    settings.identityFiles = {cluster.user(u"alice")->keyPath};
    settings.knownHostsFiles = {cluster.knownHostsPath};
    settings.strictHostKeyChecking = sshcore::StrictHostKeyChecking::Yes;
    return settings;
}

// ssh -tt with alice's key, the login node's known host key, no configuration file, and the key
// exchange, cipher and MAC that libssh2 agrees on. OpenSSH 9.5 and later send keystrokes on a 20 ms
// clock with chaff between them (ObscureKeystrokeTiming) by default; `obscure` false turns that off.
QStringList sshArguments(const app::DemoCluster &cluster, const bench::Methods &methods, bool obscure)
{
    QStringList arguments{u"ssh"_s, u"-tt"_s,
                          u"-F"_s,  u"/dev/null"_s,
                          u"-i"_s,  cluster.user(u"alice")->keyPath,
                          u"-o"_s,  u"IdentitiesOnly=yes"_s,
                          u"-o"_s,  u"BatchMode=yes"_s,
                          u"-o"_s,  u"StrictHostKeyChecking=yes"_s,
                          u"-o"_s,  u"UserKnownHostsFile="_s + cluster.knownHostsPath,
                          u"-o"_s,  u"UpdateHostKeys=no"_s,
                          u"-o"_s,  u"LogLevel=ERROR"_s,
                          u"-o"_s,  u"KexAlgorithms="_s + methods.kex,
                          u"-c"_s,  methods.cipher};
    if (!methods.aead())
        arguments << u"-o"_s << u"MACs="_s + methods.mac;
    if (!obscure)
        arguments << u"-o"_s << u"ObscureKeystrokeTiming=no"_s;
    arguments << u"-p"_s << QString::number(cluster.loginPort) << u"alice@"_s + cluster.host
              << QString::fromLatin1(EchoCommand);
    return arguments;
}

QByteArray loadAverage()
{
    QFile file(u"/proc/loadavg"_s);
    return file.open(QIODevice::ReadOnly) ? file.readAll().split(' ').value(0) : QByteArray("?");
}

struct Row
{
    QString what;
    QString figure;
    QString peer;
    QString ratio;
    QString goal;
    QString verdict;
};

void printTable(const QList<Row> &rows)
{
    std::printf("\n%-44s %14s %14s %7s  %-26s %s\n", "", "clusterdesk", "OpenSSH", "ratio", "goal", "");
    for (const Row &row : rows)
        std::printf("%-44s %14s %14s %7s  %-26s %s\n", qPrintable(row.what), qPrintable(row.figure),
                    qPrintable(row.peer), qPrintable(row.ratio), qPrintable(row.goal), qPrintable(row.verdict));
}

QString ms(double seconds)
{
    return u"%1 ms"_s.arg(seconds * 1000, 0, 'f', 2);
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication application(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Keystroke echo through clusterdesk's terminal against ssh -tt, and the "
                                     "window's longest stall while 100 MiB scroll past (demo cluster)."_s);
    parser.addHelpOption();
    const QCommandLineOption keysOption(u"keys"_s, u"Keystrokes for each side (default 200)."_s, u"N"_s, u"200"_s);
    const QCommandLineOption gapOption(u"gap-ms"_s,
                                       u"Pause before each keystroke, as between typed keys (default 20)."_s, u"ms"_s,
                                       u"20"_s);
    const QCommandLineOption mibOption(u"mib"_s, u"Output scrolled through the terminal (default 100)."_s, u"MiB"_s,
                                       u"100"_s);
    parser.addOptions({keysOption, gapOption, mibOption});
    parser.process(application);
    const int keys = std::max(1, parser.value(keysOption).toInt());
    const auto gap = std::chrono::milliseconds(std::max(0, parser.value(gapOption).toInt()));
    const qint64 mib = std::max(1, parser.value(mibOption).toInt());

    const auto cluster = app::DemoCluster::load(app::DemoCluster::defaultFilePath());
    if (!cluster || !cluster->user(u"alice")) {
        note(cluster ? u"The demo cluster's connection file has no key for alice."_s : cluster.error().message);
        return 2;
    }
    const auto methods = bench::negotiatedMethods(cluster->host, cluster->loginPort);
    if (!methods) {
        note(methods.error().message);
        return 2;
    }
    const QByteArray load = loadAverage();

    sshcore::SshConnection connection(aliceAt(*cluster), nullptr);
    connection.open();
    using State = sshcore::SshConnectionState;
    if (!waitOn(
            &connection, &sshcore::SshConnection::stateChanged,
            [&] { return connection.state() == State::Connected || connection.state() == State::Failed; }, 30s)
        || connection.state() != State::Connected) {
        note(u"clusterdesk cannot connect: "_s + connection.stateMessage());
        return 2;
    }

    // (1) Keystroke echo, the two sides key by key in turn.
    ui::TerminalView echoView(&connection, {u"echo"_s, u"alice on the login node"_s, EchoCommand, {}});
    echoView.resize(1000, 700);
    echoView.show();
    QString echoed;
    QObject::connect(&echoView, &ui::TerminalView::output, &echoView,
                     [&](const QByteArray &data) { echoed += QString::fromUtf8(data); });
    idle(200ms); // laid out, its size known
    echoView.start();
    if (!waitOn(&echoView, &ui::TerminalView::output, [&] { return echoed.contains(u"READY"_s); }, 30s)) {
        note(u"clusterdesk's terminal did not start the echo command"_s);
        return 2;
    }
    echoView.activateWindow();
    echoView.screen()->setFocus();
    SshOnPty ssh, sshPlain;
    if (!ssh.start(sshArguments(*cluster, *methods, true))
        || !sshPlain.start(sshArguments(*cluster, *methods, false))) {
        note(u"ssh -tt did not start the echo command"_s);
        return 2;
    }
    ViewEcho view(echoView);
    QList<double> viewShown, viewArrived, sshEcho, sshPlainEcho;
    int lost = 0;
    for (int i = 0; i < keys; ++i) {
        const char byte = char('a' + i % 26);
        idle(gap);
        const auto [arrived, shown] = view.echo(byte);
        if (shown < 0) {
            ++lost;
        } else {
            viewShown.append(shown);
            viewArrived.append(arrived);
        }
        idle(gap);
        ssh.drain();
        if (const double time = ssh.echo(byte); time < 0)
            ++lost;
        else
            sshEcho.append(time);
        idle(gap);
        sshPlain.drain();
        if (const double time = sshPlain.echo(byte); time < 0)
            ++lost;
        else
            sshPlainEcho.append(time);
    }
    echoView.hangUp();

    // (2) 100 MiB through the terminal while a timer on the GUI thread counts its gaps.
    const qint64 bytes = mib << 20;
    ui::TerminalView floodView(&connection, {u"flood"_s,
                                             u"alice on the login node"_s,
                                             "base64 -w 76 /dev/urandom | head -c " + QByteArray::number(bytes),
                                             {}});
    floodView.resize(1000, 700);
    floodView.show();
    qint64 received = 0;
    QObject::connect(&floodView, &ui::TerminalView::output, &floodView,
                     [&](const QByteArray &data) { received += data.size(); });
    idle(200ms);
    GapMeter meter;
    QElapsedTimer flood;
    meter.start();
    flood.start();
    floodView.start();
    const bool ended = waitOn(
        &floodView, &ui::TerminalView::stateChanged,
        [&] { return floodView.state() == ui::TerminalView::State::Ended; }, 10min);
    waitOn(floodView.screen(), &ui::TerminalScreen::shown, [&] { return floodView.screen()->pending() == 0; }, 1min);
    const double floodSeconds = double(flood.nsecsElapsed()) / 1e9;
    idle(200ms); // the widget's last repaint counts too
    meter.stop();
    if (!ended)
        note(u"the output did not end within 10 minutes"_s);

    const double echoMedian = bench::median(viewShown);
    const double sshMedian = bench::median(sshEcho);
    const auto ratio = [](double a, double b) { return b > 0 ? u"%1"_s.arg(a / b, 0, 'f', 2) : u"-"_s; };
    const double longest = meter.longest();
    QList<Row> rows;
    rows.append({u"keystroke echo, median of %1"_s.arg(keys), ms(echoMedian), ms(sshMedian),
                 ratio(echoMedian, sshMedian), u"no slower than OpenSSH"_s,
                 QString::fromLatin1(bench::verdict(echoMedian <= sshMedian))});
    rows.append({u"keystroke echo, p90"_s,
                 ms(percentile(viewShown, 0.9)),
                 ms(percentile(sshEcho, 0.9)),
                 ratio(percentile(viewShown, 0.9), percentile(sshEcho, 0.9)),
                 {},
                 {}});
    const double plainMedian = bench::median(sshPlainEcho);
    rows.append({u"  against ssh -o ObscureKeystrokeTiming=no"_s, ms(echoMedian), ms(plainMedian),
                 ratio(echoMedian, plainMedian), u"no slower than OpenSSH"_s,
                 QString::fromLatin1(bench::verdict(echoMedian <= plainMedian))});
    rows.append({u"  its p90"_s,
                 ms(percentile(viewShown, 0.9)),
                 ms(percentile(sshPlainEcho, 0.9)),
                 ratio(percentile(viewShown, 0.9), percentile(sshPlainEcho, 0.9)),
                 {},
                 {}});
    rows.append({u"  clusterdesk: until SshPty gave the echo"_s, ms(bench::median(viewArrived)), {}, {}, {}, {}});
    rows.append({u"%1 MiB scrolling past: longest stall"_s.arg(mib),
                 u"%1 ms"_s.arg(longest, 0, 'f', 1),
                 {},
                 {},
                 u"under %1 ms"_s.arg(StallMs),
                 QString::fromLatin1(bench::verdict(ended && longest < StallMs))});
    rows.append({u"  p99 gap between 10 ms ticks"_s,
                 u"%1 ms"_s.arg(percentile(meter.gaps(), 0.99), 0, 'f', 1),
                 {},
                 {},
                 {},
                 {}});
    rows.append({u"  time to show it all"_s, u"%1 s"_s.arg(floodSeconds, 0, 'f', 1), {}, {}, {}, {}});
    rows.append(
        {u"  throughput"_s, u"%1 MiB/s"_s.arg(double(received) / (1 << 20) / floodSeconds, 0, 'f', 1), {}, {}, {}, {}});
    printTable(rows);

    std::printf("\nserver: %s on %s:%u (the demo cluster's login node), user alice with her key; kex %s, cipher %s, "
                "MAC %s on both sides\n",
                qPrintable(methods->serverBanner), qPrintable(cluster->host), unsigned(cluster->loginPort),
                qPrintable(methods->kex), qPrintable(methods->cipher),
                methods->aead() ? "implicit (AEAD cipher)" : qPrintable(methods->mac));
    std::printf("clusterdesk: ui::TerminalView (QTermWidget) over an SshPty of one open connection, libssh2 %s%s; "
                "offscreen window; a key pressed on the display widget (QTest::keyClick) until the widget's "
                "emulation received the echo\n",
                qPrintable(sshcore::Libssh2Library::runtimeVersion()),
                sshcore::Libssh2Library::patched() ? " (patched)" : "");
    std::printf("OpenSSH: %s; ssh -tt on a local PTY of its own, one byte written to the PTY until it was read "
                "back; by default (ObscureKeystrokeTiming, OpenSSH 9.5+) it sends keys on a 20 ms clock with chaff, "
                "hence the second OpenSSH row without it\n",
                qPrintable(bench::OpenSsh::version()));
    std::printf("echo command on both sides: %s; the three take turns key by key, %lld ms before each key; %d "
                "keystrokes lost\n",
                EchoCommand, static_cast<long long>(gap.count()), lost);
    std::printf("output: base64 of /dev/urandom, %lld bytes (76-column lines), %lld bytes arrived (the remote "
                "PTY adds a CR per line); gaps between ticks of a 10 ms timer on the GUI thread\n",
                static_cast<long long>(bytes), static_cast<long long>(received));
    std::printf("machine: %d CPUs, load average %s just before the run, %s now\n", QThread::idealThreadCount(),
                load.constData(), loadAverage().constData());
    return lost == 0 && ended ? 0 : 1;
}
