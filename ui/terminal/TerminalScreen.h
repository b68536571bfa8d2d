// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QByteArray>
#include <QWidget>

class QAction;
class QSocketNotifier;
class QTermWidget;

namespace ui {

// LXQt's terminal widget (QTermWidget) showing a program that runs elsewhere: no local process. The
// widget runs in its "teletype" mode, where it reads what it shows from a local pseudo-terminal of
// its own; feed() writes the remote program's output into that PTY (set raw, so bytes pass as they
// came), and keystrokes come back through input(). Writes never block: what the PTY cannot take yet
// waits here, and shown() says how much the widget has taken, so a caller can hold the remote
// program back (SshPty::consumed) instead of letting a queue grow.
//
// Keys: Ctrl+Shift+C/V copy and paste, Ctrl+Shift+F find, Ctrl++/Ctrl+-/Ctrl+0 font size; a link
// opens with Ctrl+click or from the context menu. Colours follow the application's light or dark
// palette.
class TerminalScreen : public QWidget
{
    Q_OBJECT

public:
    explicit TerminalScreen(QWidget *parent = nullptr);
    ~TerminalScreen() override;

    // Output of the remote program, shown in order.
    void feed(const QByteArray &output);
    // Bytes fed but not yet taken by the widget.
    qint64 pending() const { return m_pending.size() - m_pendingOffset; }
    int columns() const;
    int rows() const;
    // The scrollback and the screen as plain text (for tests and "save output").
    QString text() const;
    QTermWidget *terminal() const { return m_terminal; }

    void zoomIn();
    void zoomOut();
    void resetZoom();

Q_SIGNALS:
    // What the person typed or pasted, for the remote program.
    void input(const QByteArray &keys);
    // The widget took this many more bytes of what was fed.
    void shown(qint64 bytes);
    // The visible grid changed (also once when first shown).
    void sizeChanged(int columns, int rows);
    void titleChanged(const QString &title);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void flush();
    void checkSize();
    void applyColours();
    void showContextMenu(const QPoint &position);
    QAction *addShortcut(const QString &text, const QKeySequence &key, void (TerminalScreen::*slot)());

    QTermWidget *m_terminal;
    int m_slave = -1; // the widget's PTY, written to
    QSocketNotifier *m_writable = nullptr;
    QByteArray m_pending; // fed, from m_pendingOffset on not yet written
    qsizetype m_pendingOffset = 0;
    int m_columns = 0;
    int m_rows = 0;
    int m_basePointSize = 10;
    QAction *m_copy;
    QAction *m_paste;
    QAction *m_find;
};

} // namespace ui
