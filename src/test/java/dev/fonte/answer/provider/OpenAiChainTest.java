package dev.fonte.answer.provider;

import dev.fonte.answer.provider.fake.FakeModelServer;
import dev.fonte.answer.provider.fake.OpenAiFakeServer;

class OpenAiChainTest extends ProviderChainContractTest {

    @Override
    Provider provider() {
        return Provider.OPENAI;
    }

    @Override
    FakeModelServer startServer() {
        return new OpenAiFakeServer();
    }
}
