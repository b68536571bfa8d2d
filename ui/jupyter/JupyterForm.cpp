#include "ui/jupyter/JupyterForm.h"

#include "app/schedulers/ResourceUnits.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QCompleter>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QRadioButton>
#include <QSpinBox>
#include <QStackedWidget>

namespace ui {

namespace {

using Kind = app::JupyterEnvironment::Kind;

// The order of the environment picker's entries.
constexpr Kind Kinds[] = {Kind::Modules, Kind::Conda, Kind::Venv, Kind::Container, Kind::System};

QComboBox *editablePicker(QWidget *parent, const QString &placeholder)
{
    auto *picker = new QComboBox(parent);
    picker->setEditable(true);
    picker->setInsertPolicy(QComboBox::NoInsert);
    picker->lineEdit()->setPlaceholderText(placeholder);
    return picker;
}

QLabel *infoLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setForegroundRole(QPalette::PlaceholderText);
    return label;
}

// Fills a picker with items, keeping what is typed or chosen.
void refill(QComboBox *picker, const QStringList &items)
{
    const QString current = picker->currentText();
    picker->clear();
    picker->addItem(QString());
    picker->addItems(items);
    picker->setEditText(current);
}

} // namespace

JupyterForm::JupyterForm(QWidget *parent)
    : QWidget(parent)
    , m_partition(editablePicker(this, tr("the cluster's default")))
    , m_partitionInfo(infoLabel(this))
    , m_time(new QLineEdit(QStringLiteral("02:00:00"), this))
    , m_timeInfo(infoLabel(this))
    , m_cpus(new QSpinBox(this))
    , m_memory(new QLineEdit(this))
    , m_gpuCount(new QSpinBox(this))
    , m_gpuType(editablePicker(this, tr("any type")))
    , m_account(editablePicker(this, tr("your default")))
    , m_qos(editablePicker(this, tr("the default")))
    , m_workDirectory(new QLineEdit(this))
    , m_environmentKind(new QComboBox(this))
    , m_environmentPages(new QStackedWidget(this))
    , m_modules(new QLineEdit(this))
    , m_conda(editablePicker(this, tr("name or path of a conda environment")))
    , m_venv(new QLineEdit(this))
    , m_container(new QLineEdit(this))
    , m_interface(new QButtonGroup(this))
{
    setObjectName(QStringLiteral("jupyterForm"));
    auto *form = new QFormLayout(this);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);

    m_partition->setObjectName(QStringLiteral("partition"));
    form->addRow(tr("&Partition:"), m_partition);
    form->addRow(QString(), m_partitionInfo);

    m_time->setObjectName(QStringLiteral("time"));
    m_time->setPlaceholderText(tr("hours:minutes:seconds"));
    form->addRow(tr("&Time:"), m_time);
    form->addRow(QString(), m_timeInfo);

    m_cpus->setObjectName(QStringLiteral("cpus"));
    m_cpus->setRange(1, 4096);
    form->addRow(tr("&CPUs:"), m_cpus);
    m_memory->setObjectName(QStringLiteral("memory"));
    m_memory->setPlaceholderText(tr("e.g. 8G; empty: the partition's default"));
    form->addRow(tr("&Memory:"), m_memory);

    auto *gpus = new QWidget(this);
    auto *gpuRow = new QHBoxLayout(gpus);
    gpuRow->setContentsMargins(0, 0, 0, 0);
    m_gpuCount->setObjectName(QStringLiteral("gpuCount"));
    m_gpuCount->setRange(0, 64);
    m_gpuCount->setSpecialValueText(tr("none"));
    m_gpuType->setObjectName(QStringLiteral("gpuType"));
    gpuRow->addWidget(m_gpuCount);
    gpuRow->addWidget(m_gpuType, 1);
    form->addRow(tr("&GPUs:"), gpus);

    m_account->setObjectName(QStringLiteral("account"));
    form->addRow(tr("&Account:"), m_account);
    m_qos->setObjectName(QStringLiteral("qos"));
    form->addRow(tr("&QoS:"), m_qos);
    m_workDirectory->setObjectName(QStringLiteral("workDirectory"));
    m_workDirectory->setPlaceholderText(tr("your home folder"));
    form->addRow(tr("&Working folder:"), m_workDirectory);

    m_environmentKind->setObjectName(QStringLiteral("environmentKind"));
    for (const Kind kind : Kinds) {
        switch (kind) {
        case Kind::Modules: m_environmentKind->addItem(tr("Modules"), int(kind)); break;
        case Kind::Conda: m_environmentKind->addItem(tr("Conda environment"), int(kind)); break;
        case Kind::Venv: m_environmentKind->addItem(tr("Python virtual environment"), int(kind)); break;
        case Kind::Container: m_environmentKind->addItem(tr("Container image (Apptainer)"), int(kind)); break;
        case Kind::System: m_environmentKind->addItem(tr("The system's Python"), int(kind)); break;
        }
    }
    form->addRow(tr("&Environment:"), m_environmentKind);
    m_modules->setObjectName(QStringLiteral("modules"));
    m_modules->setPlaceholderText(tr("modules to load, e.g. jupyter/2.15 (separated by spaces)"));
    form->addRow(tr("M&odules:"), m_modules);
    m_conda->setObjectName(QStringLiteral("conda"));
    m_venv->setObjectName(QStringLiteral("venv"));
    m_venv->setPlaceholderText(tr("folder holding bin/activate, e.g. ~/venvs/torch"));
    m_container->setObjectName(QStringLiteral("container"));
    m_container->setPlaceholderText(tr("image file or URI, e.g. ~/images/pytorch.sif"));
    auto *none = new QWidget(this);
    for (QWidget *page : std::initializer_list<QWidget *>{none, m_conda, m_venv, m_container})
        m_environmentPages->addWidget(page);
    m_environmentPages->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    form->addRow(QString(), m_environmentPages);

    auto *interfaces = new QWidget(this);
    auto *interfaceRow = new QHBoxLayout(interfaces);
    interfaceRow->setContentsMargins(0, 0, 0, 0);
    auto *lab = new QRadioButton(tr("JupyterLab"), interfaces);
    lab->setObjectName(QStringLiteral("lab"));
    auto *notebook = new QRadioButton(tr("Classic Notebook"), interfaces);
    notebook->setObjectName(QStringLiteral("notebook"));
    m_interface->addButton(lab, int(app::JupyterSettings::Interface::Lab));
    m_interface->addButton(notebook, int(app::JupyterSettings::Interface::Notebook));
    lab->setChecked(true);
    interfaceRow->addWidget(lab);
    interfaceRow->addWidget(notebook);
    interfaceRow->addStretch(1);
    form->addRow(tr("&Interface:"), interfaces);

    const auto changed = [this] {
        updateInfo();
        Q_EMIT edited();
    };
    connect(m_partition, &QComboBox::currentTextChanged, this, changed);
    connect(m_time, &QLineEdit::textChanged, this, changed);
    connect(m_cpus, &QSpinBox::valueChanged, this, changed);
    connect(m_memory, &QLineEdit::textChanged, this, changed);
    connect(m_gpuCount, &QSpinBox::valueChanged, this, changed);
    connect(m_gpuType, &QComboBox::currentTextChanged, this, changed);
    connect(m_account, &QComboBox::currentTextChanged, this, changed);
    connect(m_qos, &QComboBox::currentTextChanged, this, changed);
    connect(m_workDirectory, &QLineEdit::textChanged, this, changed);
    connect(m_environmentKind, &QComboBox::currentIndexChanged, this, changed);
    connect(m_modules, &QLineEdit::textChanged, this, changed);
    connect(m_conda, &QComboBox::currentTextChanged, this, changed);
    connect(m_venv, &QLineEdit::textChanged, this, changed);
    connect(m_container, &QLineEdit::textChanged, this, changed);
    connect(m_interface, &QButtonGroup::idClicked, this, changed);
    updateInfo();
}

app::JupyterSettings JupyterForm::settings() const
{
    app::JupyterSettings settings;
    settings.partition = m_partition->currentText().trimmed();
    settings.timeLimit = m_time->text().trimmed();
    settings.cpus = m_cpus->value();
    settings.memory = m_memory->text().trimmed();
    const QString type = m_gpuType->currentText().trimmed();
    if (m_gpuCount->value() > 0)
        settings.gpus = type.isEmpty() ? QString::number(m_gpuCount->value())
                                       : type + u':' + QString::number(m_gpuCount->value());
    settings.account = m_account->currentText().trimmed();
    settings.qos = m_qos->currentText().trimmed();
    settings.workDirectory = m_workDirectory->text().trimmed();
    settings.environment.kind = Kind(m_environmentKind->currentData().toInt());
    settings.environment.modules = m_modules->text().split(u' ', Qt::SkipEmptyParts);
    settings.environment.conda = m_conda->currentText().trimmed();
    settings.environment.venv = m_venv->text().trimmed();
    settings.environment.container = m_container->text().trimmed();
    settings.interface = app::JupyterSettings::Interface(m_interface->checkedId());
    return settings;
}

void JupyterForm::setSettings(const app::JupyterSettings &settings)
{
    m_partition->setEditText(settings.partition);
    m_time->setText(settings.timeLimit);
    m_cpus->setValue(settings.cpus);
    m_memory->setText(settings.memory);
    const QString type = settings.gpus.contains(u':') ? settings.gpus.section(u':', 0, -2) : QString();
    m_gpuCount->setValue(settings.gpus.isEmpty() ? 0 : settings.gpus.section(u':', -1).toInt());
    m_gpuType->setEditText(type);
    m_account->setEditText(settings.account);
    m_qos->setEditText(settings.qos);
    m_workDirectory->setText(settings.workDirectory);
    m_environmentKind->setCurrentIndex(std::max(0, m_environmentKind->findData(int(settings.environment.kind))));
    m_modules->setText(settings.environment.modules.join(u' '));
    m_conda->setEditText(settings.environment.conda);
    m_venv->setText(settings.environment.venv);
    m_container->setText(settings.environment.container);
    if (QAbstractButton *button = m_interface->button(int(settings.interface)))
        button->setChecked(true);
    updateInfo();
}

void JupyterForm::setResources(const app::ClusterResources &resources)
{
    m_resources = resources;
    const QString partition = m_partition->currentText();
    m_partition->clear();
    m_partition->addItem(QString());
    for (const app::Partition &p : resources.partitions)
        m_partition->addItem(p.name);
    m_partition->setEditText(partition);
    refill(m_gpuType, resources.gpuTypes());
    refill(m_account, resources.accounts());
    refill(m_qos, resources.qos());
    auto *completer = new QCompleter(resources.modules, m_modules);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    completer->setFilterMode(Qt::MatchContains);
    m_modules->setCompleter(completer);
    updateInfo();
}

void JupyterForm::setCondaEnvironments(const QStringList &environments)
{
    refill(m_conda, environments);
}

void JupyterForm::updateInfo()
{
    const QString name = m_partition->currentText().trimmed();
    const app::Partition *partition = name.isEmpty() ? m_resources.defaultPartition() : m_resources.partition(name);
    if (partition)
        m_partitionInfo->setText(name.isEmpty() ? tr("Default: %1 · %2").arg(partition->name, partition->summary())
                                                : partition->summary());
    else
        m_partitionInfo->setText(
            m_resources.partitions.isEmpty() || name.isEmpty() ? QString() : tr("Not a partition of this cluster."));
    m_partitionInfo->setVisible(!m_partitionInfo->text().isEmpty());
    const auto seconds = app::units::parseDurationSeconds(m_time->text().trimmed());
    m_timeInfo->setText(seconds && *seconds > 0 ? tr("= %1").arg(app::units::describeDuration(*seconds)) : QString());
    m_timeInfo->setVisible(!m_timeInfo->text().isEmpty());
    const Kind kind = Kind(m_environmentKind->currentData().toInt());
    m_environmentPages->setCurrentIndex(kind == Kind::Conda       ? 1
                                        : kind == Kind::Venv      ? 2
                                        : kind == Kind::Container ? 3
                                                                  : 0);
    m_environmentPages->setVisible(m_environmentPages->currentIndex() != 0);
}

QString JupyterForm::problem() const
{
    const QString time = m_time->text().trimmed();
    const auto seconds = app::units::parseDurationSeconds(time);
    if (time.isEmpty() || !seconds || *seconds <= 0)
        return tr("Give a time such as 2:00:00 (hours:minutes:seconds) or 1-00:00:00 (a day).");
    const QString name = m_partition->currentText().trimmed();
    const app::Partition *partition = name.isEmpty() ? m_resources.defaultPartition() : m_resources.partition(name);
    if (partition && partition->maxTimeSeconds && *seconds > *partition->maxTimeSeconds)
        return tr("%1 allows at most %2.")
            .arg(partition->name, app::units::describeDuration(*partition->maxTimeSeconds));
    if (partition && m_gpuCount->value() > 0 && partition->gpuTotal() == 0)
        return tr("%1 has no GPUs.").arg(partition->name);
    const Kind kind = Kind(m_environmentKind->currentData().toInt());
    if ((kind == Kind::Conda && m_conda->currentText().trimmed().isEmpty())
        || (kind == Kind::Venv && m_venv->text().trimmed().isEmpty())
        || (kind == Kind::Container && m_container->text().trimmed().isEmpty()))
        return tr("Name the environment to use.");
    return {};
}

} // namespace ui
