package dev.fonte.answer.provider;

import dev.fonte.answer.provider.fake.FakeModelServer;
import dev.fonte.answer.provider.fake.OllamaFakeServer;

class OllamaChainTest extends ProviderChainContractTest {

    @Override
    Provider provider() {
        return Provider.OLLAMA;
    }

    @Override
    FakeModelServer startServer() {
        return new OllamaFakeServer();
    }
}
