package awfy;

/**
 * Richards: Martin Richards' simulation of an operating system's task scheduler. The suite's
 * Java port spreads it over ten files (package richards); here the classes are nested, with the
 * same fields, methods and lambdas.
 */
public final class Richards extends Benchmark {
    @Override
    public Object benchmark() {
        return new Scheduler().start();
    }

    @Override
    public boolean verifyResult(Object result) {
        return (boolean) result;
    }

    static final int IDLER = 0;
    static final int WORKER = 1;
    static final int HANDLER_A = 2;
    static final int HANDLER_B = 3;
    static final int DEVICE_A = 4;
    static final int DEVICE_B = 5;
    static final int NUM_TYPES = 6;
    static final int DEVICE_PACKET_KIND = 0;
    static final int WORK_PACKET_KIND = 1;
    static final Packet NO_WORK = null;
    static final TaskControlBlock NO_TASK = null;

    /** The common base of the suite's objects: the queue append every record uses. */
    abstract static class RBObject {
        Packet append(Packet packet, Packet queueHead) {
            packet.link = NO_WORK;
            if (NO_WORK == queueHead) {
                return packet;
            }
            Packet mouse = queueHead;
            Packet link;
            while (NO_WORK != (link = mouse.link)) {
                mouse = link;
            }
            mouse.link = packet;
            return queueHead;
        }
    }

    static final class Packet extends RBObject {
        static final int DATA_SIZE = 4;
        Packet link;
        int identity;
        final int kind;
        int datum;
        final int[] data = new int[DATA_SIZE];

        Packet(Packet link, int identity, int kind) {
            this.link = link;
            this.identity = identity;
            this.kind = kind;
        }
    }

    static class TaskState extends RBObject {
        boolean packetPending;
        boolean taskWaiting;
        boolean taskHolding;

        void packetPending() {
            packetPending = true;
            taskWaiting = false;
            taskHolding = false;
        }

        void running() {
            packetPending = taskWaiting = taskHolding = false;
        }

        void waiting() {
            packetPending = taskHolding = false;
            taskWaiting = true;
        }

        void waitingWithPacket() {
            taskHolding = false;
            taskWaiting = packetPending = true;
        }

        boolean isTaskHoldingOrWaiting() {
            return taskHolding || (!packetPending && taskWaiting);
        }

        boolean isWaitingWithPacket() {
            return packetPending && taskWaiting && !taskHolding;
        }

        static TaskState createRunning() {
            TaskState t = new TaskState();
            t.running();
            return t;
        }

        static TaskState createWaiting() {
            TaskState t = new TaskState();
            t.waiting();
            return t;
        }

        static TaskState createWaitingWithPacket() {
            TaskState t = new TaskState();
            t.waitingWithPacket();
            return t;
        }
    }

    @FunctionalInterface
    interface ProcessFunction {
        TaskControlBlock apply(Packet work, RBObject word);
    }

    static final class TaskControlBlock extends TaskState {
        final TaskControlBlock link;
        final int identity;
        final int priority;
        Packet input;
        final ProcessFunction function;
        final RBObject handle;

        TaskControlBlock(TaskControlBlock link, int identity, int priority, Packet initialWorkQueue,
                        TaskState initialState, ProcessFunction function, RBObject privateData) {
            this.link = link;
            this.identity = identity;
            this.priority = priority;
            this.input = initialWorkQueue;
            packetPending = initialState.packetPending;
            taskWaiting = initialState.taskWaiting;
            taskHolding = initialState.taskHolding;
            this.function = function;
            this.handle = privateData;
        }

        TaskControlBlock addInputAndCheckPriority(Packet packet, TaskControlBlock oldTask) {
            if (NO_WORK == input) {
                input = packet;
                packetPending = true;
                if (priority > oldTask.priority) {
                    return this;
                }
            } else {
                input = append(packet, input);
            }
            return oldTask;
        }

        TaskControlBlock runTask() {
            Packet message;
            if (isWaitingWithPacket()) {
                message = input;
                input = message.link;
                if (NO_WORK == input) {
                    running();
                } else {
                    packetPending();
                }
            } else {
                message = NO_WORK;
            }
            return function.apply(message, handle);
        }
    }

    static final class DeviceTaskDataRecord extends RBObject {
        Packet pending = NO_WORK;
    }

    static final class HandlerTaskDataRecord extends RBObject {
        Packet workIn = NO_WORK;
        Packet deviceIn = NO_WORK;
    }

    static final class IdleTaskDataRecord extends RBObject {
        int control = 1;
        int count = 10000;
    }

    static final class WorkerTaskDataRecord extends RBObject {
        int destination = HANDLER_A;
        int count = 0;
    }

    static final class Scheduler extends RBObject {
        private TaskControlBlock taskList = NO_TASK;
        private TaskControlBlock currentTask;
        private int currentTaskIdentity;
        private final TaskControlBlock[] taskTable = new TaskControlBlock[NUM_TYPES];
        private int queuePacketCount;
        private int holdCount;

        void createDevice(int identity, int priority, Packet workPacket, TaskState state) {
            createTask(identity, priority, workPacket, state, (workArg, wordArg) -> {
                DeviceTaskDataRecord dataRecord = (DeviceTaskDataRecord) wordArg;
                Packet functionWork = workArg;
                if (NO_WORK == functionWork) {
                    if (NO_WORK == (functionWork = dataRecord.pending)) {
                        return markWaiting();
                    }
                    dataRecord.pending = NO_WORK;
                    return queuePacket(functionWork);
                }
                dataRecord.pending = functionWork;
                return holdSelf();
            }, new DeviceTaskDataRecord());
        }

        void createHandler(int identity, int priority, Packet workPacket, TaskState state) {
            createTask(identity, priority, workPacket, state, (work, word) -> {
                HandlerTaskDataRecord dataRecord = (HandlerTaskDataRecord) word;
                if (NO_WORK != work) {
                    if (WORK_PACKET_KIND == work.kind) {
                        dataRecord.workIn = append(work, dataRecord.workIn);
                    } else {
                        dataRecord.deviceIn = append(work, dataRecord.deviceIn);
                    }
                }
                Packet workPacketIn = dataRecord.workIn;
                if (NO_WORK == workPacketIn) {
                    return markWaiting();
                }
                int count = workPacketIn.datum;
                if (count >= Packet.DATA_SIZE) {
                    dataRecord.workIn = workPacketIn.link;
                    return queuePacket(workPacketIn);
                }
                Packet devicePacket = dataRecord.deviceIn;
                if (NO_WORK == devicePacket) {
                    return markWaiting();
                }
                dataRecord.deviceIn = devicePacket.link;
                devicePacket.datum = workPacketIn.data[count];
                workPacketIn.datum = count + 1;
                return queuePacket(devicePacket);
            }, new HandlerTaskDataRecord());
        }

        void createIdler(int identity, int priority, Packet work, TaskState state) {
            createTask(identity, priority, work, state, (workArg, wordArg) -> {
                IdleTaskDataRecord dataRecord = (IdleTaskDataRecord) wordArg;
                dataRecord.count = dataRecord.count - 1;
                if (0 == dataRecord.count) {
                    return holdSelf();
                }
                if (0 == (dataRecord.control & 1)) {
                    dataRecord.control = dataRecord.control / 2;
                    return release(DEVICE_A);
                }
                dataRecord.control = (dataRecord.control / 2) ^ 53256;
                return release(DEVICE_B);
            }, new IdleTaskDataRecord());
        }

        void createTask(int identity, int priority, Packet work, TaskState state, ProcessFunction function, RBObject data) {
            TaskControlBlock t = new TaskControlBlock(taskList, identity, priority, work, state, function, data);
            taskList = t;
            taskTable[identity] = t;
        }

        void createWorker(int identity, int priority, Packet workPacket, TaskState state) {
            createTask(identity, priority, workPacket, state, (work, word) -> {
                WorkerTaskDataRecord data = (WorkerTaskDataRecord) word;
                if (NO_WORK == work) {
                    return markWaiting();
                }
                data.destination = (HANDLER_A == data.destination) ? HANDLER_B : HANDLER_A;
                work.identity = data.destination;
                work.datum = 0;
                for (int i = 0; i < Packet.DATA_SIZE; i++) {
                    data.count = data.count + 1;
                    if (data.count > 26) {
                        data.count = 1;
                    }
                    work.data[i] = 65 + data.count - 1;
                }
                return queuePacket(work);
            }, new WorkerTaskDataRecord());
        }

        boolean start() {
            createIdler(IDLER, 0, NO_WORK, TaskState.createRunning());
            Packet workQ = new Packet(NO_WORK, WORKER, WORK_PACKET_KIND);
            workQ = new Packet(workQ, WORKER, WORK_PACKET_KIND);
            createWorker(WORKER, 1000, workQ, TaskState.createWaitingWithPacket());

            workQ = new Packet(NO_WORK, DEVICE_A, DEVICE_PACKET_KIND);
            workQ = new Packet(workQ, DEVICE_A, DEVICE_PACKET_KIND);
            workQ = new Packet(workQ, DEVICE_A, DEVICE_PACKET_KIND);
            createHandler(HANDLER_A, 2000, workQ, TaskState.createWaitingWithPacket());

            workQ = new Packet(NO_WORK, DEVICE_B, DEVICE_PACKET_KIND);
            workQ = new Packet(workQ, DEVICE_B, DEVICE_PACKET_KIND);
            workQ = new Packet(workQ, DEVICE_B, DEVICE_PACKET_KIND);
            createHandler(HANDLER_B, 3000, workQ, TaskState.createWaitingWithPacket());

            createDevice(DEVICE_A, 4000, NO_WORK, TaskState.createWaiting());
            createDevice(DEVICE_B, 5000, NO_WORK, TaskState.createWaiting());

            schedule();
            return queuePacketCount == 23246 && holdCount == 9297;
        }

        TaskControlBlock findTask(int identity) {
            TaskControlBlock t = taskTable[identity];
            if (NO_TASK == t) {
                throw new IllegalStateException("findTask failed");
            }
            return t;
        }

        TaskControlBlock holdSelf() {
            holdCount = holdCount + 1;
            currentTask.taskHolding = true;
            return currentTask.link;
        }

        TaskControlBlock queuePacket(Packet packet) {
            TaskControlBlock t = findTask(packet.identity);
            queuePacketCount = queuePacketCount + 1;
            packet.link = NO_WORK;
            packet.identity = currentTaskIdentity;
            return t.addInputAndCheckPriority(packet, currentTask);
        }

        TaskControlBlock release(int identity) {
            TaskControlBlock t = findTask(identity);
            t.taskHolding = false;
            return t.priority > currentTask.priority ? t : currentTask;
        }

        TaskControlBlock markWaiting() {
            currentTask.taskWaiting = true;
            return currentTask;
        }

        void schedule() {
            currentTask = taskList;
            while (NO_TASK != currentTask) {
                if (currentTask.isTaskHoldingOrWaiting()) {
                    currentTask = currentTask.link;
                } else {
                    currentTaskIdentity = currentTask.identity;
                    currentTask = currentTask.runTask();
                }
            }
        }
    }
}
