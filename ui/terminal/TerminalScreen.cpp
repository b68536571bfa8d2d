// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ui/terminal/TerminalScreen.h"

#include "ui/widgets/Palette.h"

#include <QAction>
#include <QApplication>
#include <QBuffer>
#include <QContextMenuEvent>
#include <QDesktopServices>
#include <QFontDatabase>
#include <QMenu>
#include <QSocketNotifier>
#include <QTimer>
#include <QVBoxLayout>
#include <qtermwidget.h>

#include <cerrno>
#include <fcntl.h>
#include <termios.h>
#include <unistd.h>

namespace ui {

namespace {
// Lines kept above the screen: enough to scroll back through a long build log, bounded so that a
// program printing without end does not take the machine's memory.
constexpr int HistoryLines = 20000;
// At most this much is written into the widget's PTY per turn of the event loop, so that a flood of
// output leaves room for painting and keystrokes between chunks.
constexpr qsizetype WriteSlice = 64 * 1024;
} // namespace

TerminalScreen::TerminalScreen(QWidget *parent)
    : QWidget(parent)
    , m_terminal(new QTermWidget(0, this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_terminal);
    setFocusProxy(m_terminal);

    QFont font = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    m_basePointSize = std::max(8, font.pointSize() > 0 ? font.pointSize() : 10);
    font.setPointSize(m_basePointSize);
    m_terminal->setTerminalFont(font);
    m_terminal->setHistorySize(HistoryLines);
    m_terminal->setScrollBarPosition(QTermWidget::ScrollBarRight);
    m_terminal->setFlowControlEnabled(false);
    m_terminal->setBlinkingCursor(true);
    m_terminal->setMargin(4);
    m_terminal->setConfirmMultilinePaste(false);
    m_terminal->setTerminalSizeHint(false); // no "Size: 80 x 24" box over the text on each resize
    m_terminal->setContextMenuPolicy(Qt::CustomContextMenu);
    applyColours();

    // Teletype mode: the widget reads its PTY's master side; this writes the slave side.
    m_terminal->startTerminalTeletype();
    m_slave = m_terminal->getPtySlaveFd();
    if (m_slave >= 0) {
        termios modes{};
        if (::tcgetattr(m_slave, &modes) == 0) {
            ::cfmakeraw(&modes); // no newline translation or echo: the remote PTY did that already
            ::tcsetattr(m_slave, TCSANOW, &modes);
        }
        ::fcntl(m_slave, F_SETFL, ::fcntl(m_slave, F_GETFL) | O_NONBLOCK);
        m_writable = new QSocketNotifier(m_slave, QSocketNotifier::Write, this);
        m_writable->setEnabled(false);
        connect(m_writable, &QSocketNotifier::activated, this, [this] {
            m_writable->setEnabled(false);
            flush();
        });
    }

    connect(m_terminal, &QTermWidget::sendData, this,
            [this](const char *bytes, int length) { Q_EMIT input(QByteArray(bytes, length)); });
    connect(m_terminal, &QTermWidget::urlActivated, this,
            [](const QUrl &url, bool) { QDesktopServices::openUrl(url); });
    connect(m_terminal, &QTermWidget::titleChanged, this, [this] { Q_EMIT titleChanged(m_terminal->title()); });
    connect(m_terminal, &QWidget::customContextMenuRequested, this, &TerminalScreen::showContextMenu);
    m_terminal->installEventFilter(this);

    m_copy = addShortcut(tr("&Copy"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C), nullptr);
    connect(m_copy, &QAction::triggered, m_terminal, &QTermWidget::copyClipboard);
    m_copy->setIcon(QIcon::fromTheme(QStringLiteral("edit-copy")));
    m_copy->setEnabled(false);
    connect(m_terminal, &QTermWidget::copyAvailable, m_copy, &QAction::setEnabled);
    m_paste = addShortcut(tr("&Paste"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_V), nullptr);
    connect(m_paste, &QAction::triggered, m_terminal, &QTermWidget::pasteClipboard);
    m_paste->setIcon(QIcon::fromTheme(QStringLiteral("edit-paste")));
    m_find = addShortcut(tr("&Find…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F), nullptr);
    connect(m_find, &QAction::triggered, m_terminal, &QTermWidget::toggleShowSearchBar);
    m_find->setIcon(QIcon::fromTheme(QStringLiteral("edit-find")));
    addShortcut(tr("Zoom &In"), QKeySequence(Qt::CTRL | Qt::Key_Plus), &TerminalScreen::zoomIn)
        ->setIcon(QIcon::fromTheme(QStringLiteral("zoom-in")));
    addShortcut(tr("Zoom In"), QKeySequence(Qt::CTRL | Qt::Key_Equal), &TerminalScreen::zoomIn);
    addShortcut(tr("Zoom &Out"), QKeySequence(Qt::CTRL | Qt::Key_Minus), &TerminalScreen::zoomOut)
        ->setIcon(QIcon::fromTheme(QStringLiteral("zoom-out")));
    addShortcut(tr("&Reset Zoom"), QKeySequence(Qt::CTRL | Qt::Key_0), &TerminalScreen::resetZoom)
        ->setIcon(QIcon::fromTheme(QStringLiteral("zoom-original")));
}

TerminalScreen::~TerminalScreen() = default;

QAction *TerminalScreen::addShortcut(const QString &text, const QKeySequence &key, void (TerminalScreen::*slot)())
{
    auto *action = new QAction(text, this);
    action->setShortcut(key);
    // Only while this terminal has the focus: another tab's terminal has its own.
    action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(action);
    if (slot)
        connect(action, &QAction::triggered, this, slot);
    return action;
}

void TerminalScreen::feed(const QByteArray &output)
{
    if (output.isEmpty())
        return;
    if (m_pendingOffset == m_pending.size()) {
        m_pending = output;
        m_pendingOffset = 0;
    } else {
        m_pending.append(output);
    }
    if (!m_writable || !m_writable->isEnabled())
        flush();
}

void TerminalScreen::flush()
{
    if (m_slave < 0) {
        // No PTY (the system refused one): nothing can be shown, but the program must not stall.
        const qint64 dropped = pending();
        m_pending.clear();
        m_pendingOffset = 0;
        if (dropped > 0)
            Q_EMIT shown(dropped);
        return;
    }
    qint64 written = 0;
    while (m_pendingOffset < m_pending.size() && written < WriteSlice) {
        const qsizetype chunk = std::min(m_pending.size() - m_pendingOffset, WriteSlice - qsizetype(written));
        const ssize_t n = ::write(m_slave, m_pending.constData() + m_pendingOffset, size_t(chunk));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break; // full (EAGAIN): the widget reads the other side on this thread
        m_pendingOffset += n;
        written += n;
    }
    if (m_pendingOffset == m_pending.size()) {
        m_pending.clear();
        m_pendingOffset = 0;
    } else if (m_pendingOffset > (1 << 20)) {
        m_pending.remove(0, m_pendingOffset);
        m_pendingOffset = 0;
    }
    // Either the PTY is full, or this turn's slice is used up: go on once it can take more, after
    // the widget (reading on this same thread) has had its turn.
    if (m_writable && pending() > 0)
        m_writable->setEnabled(true);
    if (written > 0)
        Q_EMIT shown(written);
}

int TerminalScreen::columns() const
{
    return m_terminal->screenColumnsCount();
}

int TerminalScreen::rows() const
{
    return m_terminal->screenLinesCount();
}

QString TerminalScreen::text() const
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    m_terminal->saveHistory(&buffer);
    return QString::fromUtf8(buffer.data());
}

void TerminalScreen::zoomIn()
{
    m_terminal->zoomIn();
}

void TerminalScreen::zoomOut()
{
    if (m_terminal->getTerminalFont().pointSize() > 6)
        m_terminal->zoomOut();
}

void TerminalScreen::resetZoom()
{
    QFont font = m_terminal->getTerminalFont();
    font.setPointSize(m_basePointSize);
    m_terminal->setTerminalFont(font);
}

bool TerminalScreen::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_terminal && (event->type() == QEvent::Resize || event->type() == QEvent::Show))
        QTimer::singleShot(0, this, &TerminalScreen::checkSize); // after the widget laid out its grid
    return QWidget::eventFilter(watched, event);
}

void TerminalScreen::checkSize()
{
    const int columns = m_terminal->screenColumnsCount();
    const int rows = m_terminal->screenLinesCount();
    if (columns <= 0 || rows <= 0 || (columns == m_columns && rows == m_rows))
        return;
    m_columns = columns;
    m_rows = rows;
    Q_EMIT sizeChanged(columns, rows);
}

void TerminalScreen::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::ApplicationPaletteChange)
        applyColours();
    QWidget::changeEvent(event);
}

void TerminalScreen::applyColours()
{
    // Schemes that ship with QTermWidget: a plain light one and KDE Breeze's dark one.
    m_terminal->setColorScheme(palette::isDark(palette()) ? QStringLiteral("BreezeModified")
                                                          : QStringLiteral("BlackOnWhite"));
}

void TerminalScreen::showContextMenu(const QPoint &position)
{
    // Shown with popup(), not exec(): no nested event loop while output goes on arriving.
    auto *menu = new QMenu(this);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    const QList<QAction *> links = m_terminal->filterActions(position); // "Open Link", "Copy Link Address"
    if (!links.isEmpty()) {
        menu->addActions(links);
        menu->addSeparator();
    }
    menu->addActions({m_copy, m_paste});
    menu->addSeparator();
    menu->addAction(m_find);
    menu->addSeparator();
    for (QAction *action : actions()) {
        if (action != m_copy && action != m_paste && action != m_find && !action->icon().isNull())
            menu->addAction(action);
    }
    menu->popup(m_terminal->mapToGlobal(position));
}

} // namespace ui
